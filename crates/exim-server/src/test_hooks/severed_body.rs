//! A response that starts and then dies: the status line, headers and a first byte of the
//! body go out, then the connection is cut. This is how a test simulates a connection that
//! drops mid-answer.
//!
//! Why not cut before the first byte? A browser that sees a reused keep-alive connection
//! close without any answer assumes the connection had gone stale and silently sends the
//! request again, so the app would never see the drop (and a POST would arrive twice).

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::response::Response;
use http_body::Frame;

/// Long enough for the first bytes to be flushed to the client before the cut.
const BEFORE_THE_CUT: Duration = Duration::from_millis(50);

enum SeveredBody {
    Starting,
    Waiting(Pin<Box<tokio::time::Sleep>>),
    Cut,
}

impl http_body::Body for SeveredBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match &mut *self {
            SeveredBody::Starting => {
                *self = SeveredBody::Waiting(Box::pin(tokio::time::sleep(BEFORE_THE_CUT)));
                Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b"{")))))
            }
            SeveredBody::Waiting(sleep) => {
                if sleep.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                *self = SeveredBody::Cut;
                Poll::Ready(Some(Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "connection dropped by a test fault",
                ))))
            }
            SeveredBody::Cut => Poll::Ready(None),
        }
    }
}

/// A 200 whose body never completes: the connection drops after its first byte.
pub fn severed_response() -> Response {
    Response::new(Body::new(SeveredBody::Starting))
}
