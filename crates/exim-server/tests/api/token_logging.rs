//! The server never writes an access token to its output, even at the most verbose log level:
//! the real binary is run and everything it prints is searched.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::common::raw_http::signed_request;
use crate::common::{ACME, UMBRELLA};

/// A valid demo token. `--demo` prints the demo tokens once at startup, on purpose.
const VALID: &str = "demo-umbrella-admin";
/// A token no user has, so it can only appear in the output if a request leaked it.
const INVALID: &str = "leak-canary-7f3d91c2e8a4";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_token_reaches_the_log_at_trace_level() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut child = Command::new(env!("CARGO_BIN_EXE_exim-server"))
        .arg("--addr=127.0.0.1:0")
        .arg(format!(
            "--db={}",
            dir.path().join("exim.sqlite3").display()
        ))
        .arg("--demo")
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("exim-server starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let mut printed = Vec::new();
    let address = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(line) = stdout.next_line().await.expect("stdout reads") {
            printed.push(line.clone());
            if let Some(rest) = line.split("listening on http://").nth(1) {
                let address = rest.split_whitespace().next().unwrap_or_default();
                return address.parse().expect("a socket address");
            }
        }
        panic!("exim-server exited before listening: {printed:#?}");
    })
    .await
    .expect("exim-server listens in time");

    let valid = (VALID, UMBRELLA, "prod");
    let invalid = (INVALID, ACME, "prod");
    for (who, method, path, body) in [
        (valid, "GET", "/data/foundation/exim/packages?limit=5", None),
        (valid, "GET", "/data/foundation/exim/handshake/list", None),
        (
            valid,
            "POST",
            "/data/foundation/exim/packages",
            Some(r#"{"name":"Log probe"}"#),
        ),
        (
            valid,
            "GET",
            "/data/foundation/exim/packages/no-such-id",
            None,
        ),
        (invalid, "GET", "/data/foundation/exim/packages", None),
        (
            invalid,
            "POST",
            "/data/foundation/exim/transfer/pullRequest",
            Some("{}"),
        ),
    ] {
        let reply = signed_request(address, who, method, path, body)
            .await
            .expect("an answer");
        assert!(
            !reply.body.contains(who.0),
            "{path} echoes the token: {}",
            reply.body
        );
    }
    // Give the last response's log lines time to be written, then stop the server.
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.start_kill().expect("the server is stopped");
    while let Some(line) = stdout.next_line().await.expect("stdout reads") {
        printed.push(line);
    }
    let mut stderr = String::new();
    tokio::io::AsyncReadExt::read_to_string(
        &mut child.stderr.take().expect("piped stderr"),
        &mut stderr,
    )
    .await
    .expect("stderr reads");

    assert!(
        printed.iter().any(|line| line.contains("/exim/packages")),
        "the requests were logged: {printed:#?}"
    );
    let leaks: Vec<&String> = printed
        .iter()
        .filter(|line| line.contains(INVALID) || line.contains(VALID))
        .collect();
    assert!(
        leaks.len() == 1 && leaks[0].trim_start().starts_with(VALID),
        "only the startup list of demo tokens names a token: {leaks:#?}"
    );
    assert!(
        !stderr.contains(INVALID) && !stderr.contains(VALID),
        "stderr names a token: {stderr}"
    );
}
