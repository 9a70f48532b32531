//! Crash safety with a real process and a file database: `kill -9` while transfers are in
//! flight, twice; after restarts every transfer finishes exactly once and nothing committed
//! is lost.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::common::raw_http::{acme_request, signed_request, RawReply};
use crate::common::GLOBEX;

const TRANSFERS: usize = 20;
const STEP_MS: &str = "100";
const PACKAGE: &str = "Crash test bundle";
const EXIM: &str = "/data/foundation/exim";

struct Server {
    child: Child,
    address: SocketAddr,
}

/// Starts `exim-server` on a free port and waits until it listens.
async fn start(db: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_exim-server"))
        .arg("--addr=127.0.0.1:0")
        .arg(format!("--db={}", db.display()))
        .arg("--demo")
        .arg(format!("--step-ms={STEP_MS}"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("exim-server starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let address = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(line) = lines.next_line().await.expect("stdout reads") {
            if let Some(rest) = line.split("listening on http://").nth(1) {
                let address = rest.split_whitespace().next().unwrap_or_default();
                return address.parse().expect("a socket address");
            }
        }
        panic!("exim-server exited before listening");
    })
    .await
    .expect("exim-server listens in time");
    // Keep reading so that the server never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Server { child, address }
}

impl Server {
    /// `kill -9`: no shutdown, no flush beyond what SQLite committed.
    async fn kill(mut self) {
        self.child.start_kill().expect("SIGKILL is sent");
        self.child.wait().await.expect("the process ends");
    }
}

async fn call(address: SocketAddr, method: &str, path: &str, body: Option<Value>) -> RawReply {
    let body = body.map(|value| value.to_string());
    acme_request(address, method, &format!("{EXIM}{path}"), body.as_deref())
        .await
        .expect("an answer")
}

async fn published_package(address: SocketAddr) -> String {
    // Publishing needs the artifact in the sandbox: one of the demo's journeys.
    let journeys = call(
        address,
        "GET",
        "/sandbox-objects?type=JOURNEY&search=Summer%20sale%20journey",
        None,
    )
    .await;
    assert_eq!(journeys.status, 200, "{}", journeys.body);
    let journey = journeys.json()["data"][0]["id"].clone();
    let body = json!({
        "name": PACKAGE, "packageType": "PARTIAL",
        "artifacts": [{"id": journey, "type": "JOURNEY", "title": "Crash journey"}]
    });
    let created = call(address, "POST", "/packages", Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["id"].as_str().unwrap().to_string();
    let started = call(address, "GET", &format!("/packages/{id}/export"), None).await;
    assert_eq!(started.status, 200, "{}", started.body);
    for _ in 0..200 {
        let package = call(address, "GET", &format!("/packages/{id}"), None).await;
        if package.json()["status"] == "PUBLISHED" {
            return id;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the package was never published");
}

/// Waits until every transfer is COMPLETED or FAILED; returns them.
async fn all_finished(address: SocketAddr, ids: &[String]) -> Vec<Value> {
    for _ in 0..1000 {
        let mut transfers = Vec::new();
        for id in ids {
            transfers.push(
                call(address, "GET", &format!("/transfer/{id}"), None)
                    .await
                    .json(),
            );
        }
        if transfers
            .iter()
            .all(|t| matches!(t["status"].as_str(), Some("COMPLETED" | "FAILED")))
        {
            return transfers;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("transfers did not finish after restart");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfers_in_flight_survive_kill_9_and_finish_exactly_once() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("exim.sqlite3");

    let server = start(&db).await;
    let package = published_package(server.address).await;
    let mut ids = Vec::new();
    for _ in 0..TRANSFERS {
        let body = json!({"packageId": package, "targets": [{"imsOrgId": GLOBEX}]});
        let reply = call(server.address, "POST", "/transfer", Some(body)).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        ids.push(reply.json()[0]["id"].as_str().unwrap().to_string());
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    let last = call(
        server.address,
        "GET",
        &format!("/transfer/{}", ids[TRANSFERS - 1]),
        None,
    )
    .await;
    assert!(
        matches!(
            last.json()["status"].as_str(),
            Some("PENDING" | "IN_PROGRESS")
        ),
        "the kill must hit transfers in flight: {}",
        last.body
    );
    server.kill().await;

    // Killed again while catching up, then left to finish.
    let server = start(&db).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    server.kill().await;
    let server = start(&db).await;

    let transfers = all_finished(server.address, &ids).await;
    let expected: Vec<Value> = [
        "Fetched Package",
        "Fetched Manifest",
        "Tenant Identified",
        "Fetched Sandbox Id",
        "Fetched Blob Files",
        "Message Published to Kafka",
        "Completed Transfer",
        "Finished with status: COMPLETED",
    ]
    .iter()
    .map(|message| json!(message))
    .collect();
    for transfer in &transfers {
        assert_eq!(transfer["status"], "COMPLETED", "{transfer}");
        assert_eq!(
            transfer["transferDetails"]["messages"].as_array().unwrap(),
            &expected,
            "each step exactly once"
        );
        assert!(transfer["completedTime"].is_i64());
    }

    let listed = call(
        server.address,
        "GET",
        &format!(
            "/transfer/list?property=packageName%3D%3D{}",
            PACKAGE.replace(' ', "%20")
        ),
        None,
    )
    .await;
    assert_eq!(
        listed.json()["totalElements"],
        TRANSFERS,
        "no transfer lost"
    );
    let copies = signed_request(
        server.address,
        ("demo-globex-admin", GLOBEX, "prod"),
        "GET",
        &format!(
            "{EXIM}/packages?limit=100&property=name~{}",
            PACKAGE.replace(' ', "%20")
        ),
        None,
    )
    .await
    .expect("an answer");
    assert_eq!(
        copies.json()["totalElements"],
        TRANSFERS,
        "one copy per transfer"
    );
    server.kill().await;
}
