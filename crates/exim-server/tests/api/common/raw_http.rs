//! A minimal HTTP/1.1 client over a plain socket, for tests that need a real connection
//! (dropped connections, a server in another process).

use std::net::SocketAddr;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{ACME, LOCAL_API_KEY};

#[derive(Debug)]
pub struct RawReply {
    pub status: u16,
    /// The status line and headers: no test asserts on them, but a failed assertion prints
    /// them with the rest of the reply.
    #[expect(dead_code, reason = "read only through Debug, in failure messages")]
    pub head: String,
    pub body: String,
}

impl RawReply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// Sends one request as Acme's admin (`Connection: close`) and reads the whole answer.
/// An `Err` means the connection ended without an answer.
pub async fn acme_request(
    address: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<RawReply> {
    signed_request(
        address,
        ("demo-acme-admin", ACME, "acme-sandbox"),
        method,
        path,
        body,
    )
    .await
}

/// Sends one request signed in as `(token, org, sandbox)`.
pub async fn signed_request(
    address: SocketAddr,
    (token, org, sandbox): (&str, &str, &str),
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<RawReply> {
    let headers = format!(
        "Authorization: Bearer {token}\r\nx-api-key: {LOCAL_API_KEY}\r\n\
         x-gw-ims-org-id: {org}\r\nx-sandbox-name: {sandbox}\r\n"
    );
    request(address, method, path, &headers, body).await
}

/// Sends one request with the given extra header lines (each ending in `\r\n`).
pub async fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &str,
    body: Option<&str>,
) -> std::io::Result<RawReply> {
    let mut stream = TcpStream::connect(address).await?;
    let body = body.unwrap_or_default();
    let message = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n{headers}\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(message.as_bytes()).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            format!("no complete answer: {text:?}"),
        ));
    };
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_default();
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    Ok(RawReply {
        status,
        head: head.to_string(),
        body: if chunked {
            dechunk(body)
        } else {
            body.to_string()
        },
    })
}

fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        body.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}
