//! Many clients at once: 200 concurrent shares create exactly 200 transfers, and all finish.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::*;
use crate::packages_support::*;
use crate::transfers::{share, TRANSFER};

const SHARES: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_shares_all_finish_once() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Product catalog classes").await;
    let requests: Vec<_> = (0..SHARES)
        .map(|_| {
            let (app, id) = (app.clone(), id.clone());
            tokio::spawn(async move { share(&app, &id, &[GLOBEX]).await })
        })
        .collect();
    let mut ids = Vec::new();
    for request in requests {
        let reply = request.await.expect("the request task completes");
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        ids.push(reply.json[0]["id"].as_str().unwrap().to_string());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), SHARES);

    let filter = property("packageName==Product catalog classes");
    let completed = wait_for(
        &app,
        || {
            get(&format!(
                "{TRANSFER}/list?{filter}&{}",
                property("status==COMPLETED")
            ))
        },
        |reply| reply.json["totalElements"] == SHARES,
        Duration::from_secs(30),
    )
    .await;
    assert_eq!(completed.json["totalElements"], SHARES);
    let all = get(&format!("{TRANSFER}/list?{filter}")).send(&app).await;
    assert_eq!(all.json["totalElements"], SHARES);

    let copies = as_org(
        get(&format!(
            "{PACKAGES}?{}&limit=100",
            property("name~Product catalog classes")
        )),
        GLOBEX,
    )
    .send(&app)
    .await;
    assert_eq!(
        copies.json["totalElements"], SHARES,
        "one copy per transfer"
    );
    let finished_messages = |transfer: &Value| {
        transfer["transferDetails"]["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m.as_str().unwrap().starts_with("Finished"))
            .count()
    };
    let page = get(&format!("{TRANSFER}/list?{filter}&limit=100"))
        .send(&app)
        .await;
    assert!(page.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| finished_messages(t) == 1));
}
