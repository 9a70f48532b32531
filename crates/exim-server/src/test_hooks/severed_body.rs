//! A response body that fails before its first byte: the server then closes the connection
//! without answering, which is how a test simulates a dropped connection.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::response::Response;
use http_body::Frame;

struct SeveredBody;

impl http_body::Body for SeveredBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "connection dropped by a test fault",
        ))))
    }
}

/// A response that ends in a dropped connection.
pub fn severed_response() -> Response {
    Response::new(Body::new(SeveredBody))
}
