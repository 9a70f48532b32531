//! `GET /exim/packages` (paging, sorting, filtering) and `GET /exim/packages/{id}`.

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;

use crate::common::*;
use crate::packages_support::{packages_of, PACKAGES};

async fn list(app: &Router, query: &str) -> Reply {
    let reply = get(&format!("{PACKAGES}?{query}")).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text);
    reply
}

/// Names of the packages that satisfy `keep`, in the default order.
async fn expected(app: &Router, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    packages_of(app, ACME)
        .await
        .iter()
        .filter(|package| keep(package))
        .map(|package| package["name"].as_str().unwrap().to_string())
        .collect()
}

/// Asserts that filtering with `query` gives exactly the packages `keep` selects, and some.
async fn assert_filter(app: &Router, query: &str, keep: impl Fn(&Value) -> bool) {
    let want = expected(app, keep).await;
    assert!(!want.is_empty(), "{query} should match some demo package");
    let reply = list(app, &format!("{query}&limit=100")).await;
    assert_eq!(names(&reply), want, "{query}");
    assert_eq!(reply.json["totalElements"], want.len(), "{query}");
}

fn int(package: &Value, field: &str) -> i64 {
    package[field].as_i64().unwrap()
}

#[tokio::test]
async fn default_page_is_twenty_newest_first() {
    let app = demo_app();
    let reply = list(&app, "").await;
    let body = &reply.json;
    let total = body["totalElements"].as_u64().unwrap();
    assert!(total >= 14, "Acme has at least 14 packages");
    assert_eq!(body["currentPage"], 0);
    assert_eq!(body["totalPages"], total.div_ceil(20));
    assert_eq!(body["hasPreviousPage"], false);
    assert_eq!(body["hasNextPage"], total > 20);
    assert!(body.get("nextPage").is_none() && body.get("pageSize").is_none());
    let created: Vec<i64> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| int(p, "createdDate"))
        .collect();
    assert!(
        created.windows(2).all(|pair| pair[0] > pair[1]),
        "{created:?}"
    );
}

#[tokio::test]
async fn start_is_an_item_offset() {
    let app = demo_app();
    let all = expected(&app, |_| true).await;
    let reply = list(&app, "start=5&limit=5").await;
    let body = &reply.json;
    assert_eq!(body["totalElements"], all.len());
    assert_eq!(body["currentPage"], 1);
    assert_eq!(body["totalPages"], all.len().div_ceil(5));
    assert_eq!(body["hasPreviousPage"], true);
    assert_eq!(body["hasNextPage"], all.len() > 10);
    assert_eq!(names(&reply), all[5..10]);
}

#[tokio::test]
async fn last_and_beyond_last_pages() {
    let app = demo_app();
    let total = expected(&app, |_| true).await.len();
    let last_start = (total - 1) / 5 * 5;
    let last = list(&app, &format!("start={last_start}&limit=5")).await;
    assert_eq!(last.json["hasNextPage"], false);
    assert_eq!(names(&last).len(), total - last_start);

    let beyond = list(&app, "start=500&limit=5").await;
    assert_eq!(beyond.json["data"], Value::Array(vec![]));
    assert_eq!(beyond.json["currentPage"], 100);
    assert_eq!(beyond.json["totalElements"], total);
}

#[tokio::test]
async fn limit_out_of_range_is_refused() {
    let app = demo_app();
    for query in ["limit=0", "limit=101", "limit=many", "start=-5"] {
        let reply = get(&format!("{PACKAGES}?{query}")).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        let parameter = query.split('=').next().unwrap();
        assert!(
            reply.json["title"].as_str().unwrap().contains(parameter),
            "{}",
            reply.text
        );
    }
}

#[tokio::test]
async fn sorts_by_name_both_ways_with_either_spelling() {
    let app = demo_app();
    let mut sorted = expected(&app, |_| true).await;
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(names(&list(&app, "orderby=name&limit=100").await), sorted);
    assert_eq!(
        names(&list(&app, "orderby=%2Bname&limit=100").await),
        sorted
    );
    sorted.reverse();
    assert_eq!(names(&list(&app, "orderBy=-name&limit=100").await), sorted);
}

#[tokio::test]
async fn sorts_by_dates_and_status_both_ways() {
    let app = demo_app();
    for field in ["createdDate", "modifiedDate", "expiry"] {
        for (prefix, ascending) in [("", true), ("-", false)] {
            let reply = list(&app, &format!("orderby={prefix}{field}&limit=100")).await;
            let values: Vec<i64> = reply.json["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| int(p, field))
                .collect();
            let in_order = values.windows(2).all(|pair| {
                if ascending {
                    pair[0] <= pair[1]
                } else {
                    pair[0] >= pair[1]
                }
            });
            assert!(in_order, "{prefix}{field}: {values:?}");
        }
    }
    let statuses = |reply: &Reply| -> Vec<String> {
        reply.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["status"].as_str().unwrap().to_string())
            .collect()
    };
    let ascending = statuses(&list(&app, "orderby=status&limit=100").await);
    let mut sorted = ascending.clone();
    sorted.sort();
    assert_eq!(ascending, sorted);
    let descending = statuses(&list(&app, "orderby=-status&limit=100").await);
    sorted.reverse();
    assert_eq!(descending, sorted);
}

#[tokio::test]
async fn unknown_sort_field_is_refused() {
    let reply = get(&format!("{PACKAGES}?orderby=-colour"))
        .send(&demo_app())
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"].as_str().unwrap().contains("colour"));
}

#[tokio::test]
async fn equality_and_comma_or() {
    let app = demo_app();
    assert_filter(&app, &property("status==DRAFT"), |p| p["status"] == "DRAFT").await;
    assert_filter(&app, &property("status==draft,publish_failed"), |p| {
        p["status"] == "DRAFT" || p["status"] == "PUBLISH_FAILED"
    })
    .await;
    assert_filter(&app, &property("packageType==FULL"), |p| {
        p["packageType"] == "FULL"
    })
    .await;
    assert_filter(&app, &property("sourceSandbox.name==prod"), |p| {
        p["sourceSandbox"]["name"] == "prod"
    })
    .await;
    assert_filter(&app, &property("name==Broken journey bundle"), |p| {
        p["name"] == "Broken journey bundle"
    })
    .await;
}

#[tokio::test]
async fn inequality_excludes_every_listed_value() {
    let app = demo_app();
    assert_filter(&app, &property("status!=PUBLISHED"), |p| {
        p["status"] != "PUBLISHED"
    })
    .await;
    assert_filter(&app, &property("status!=PUBLISHED,DRAFT"), |p| {
        p["status"] == "PUBLISH_FAILED"
    })
    .await;
}

#[tokio::test]
async fn packages_without_visibility_count_as_private() {
    let app = demo_app();
    let legacy = expected(&app, |p| p.get("packageVisibility").is_none()).await;
    assert!(
        !legacy.is_empty(),
        "the demo has a package without visibility"
    );
    assert_filter(&app, &property("packageVisibility==private"), |p| {
        p["packageVisibility"] != "PUBLIC"
    })
    .await;
    assert_filter(&app, &property("packageVisibility==PUBLIC"), |p| {
        p["packageVisibility"] == "PUBLIC"
    })
    .await;
    assert_filter(&app, &property("packageVisibility!=PRIVATE"), |p| {
        p["packageVisibility"] == "PUBLIC"
    })
    .await;
}

#[tokio::test]
async fn contains_is_case_insensitive() {
    let app = demo_app();
    assert_filter(&app, &property("name~JOURNEY"), |p| {
        p["name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("journey")
    })
    .await;
    let none = list(&app, &property("name~no such package")).await;
    assert_eq!(none.json["totalElements"], 0);
}

#[tokio::test]
async fn date_comparisons_with_epoch_millis_and_iso() {
    let app = demo_app();
    let all = packages_of(&app, ACME).await;
    let pivot = int(&all[all.len() / 2], "createdDate");
    let created = |p: &Value| int(p, "createdDate");
    assert_filter(&app, &property(&format!("createdDate<{pivot}")), |p| {
        created(p) < pivot
    })
    .await;
    assert_filter(&app, &property(&format!("createdDate<={pivot}")), |p| {
        created(p) <= pivot
    })
    .await;
    assert_filter(&app, &property(&format!("createdDate>{pivot}")), |p| {
        created(p) > pivot
    })
    .await;
    assert_filter(&app, &property(&format!("createdDate>={pivot}")), |p| {
        created(p) >= pivot
    })
    .await;

    let modified = int(&all[0], "modifiedDate");
    let iso = chrono::DateTime::from_timestamp_millis(modified)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    assert_filter(&app, &property(&format!("modifiedDate>={iso}")), |p| {
        int(p, "modifiedDate") >= modified
    })
    .await;
}

#[tokio::test]
async fn repeated_properties_all_apply() {
    let app = demo_app();
    let query = format!(
        "{}&{}",
        property("status==PUBLISHED"),
        property("packageVisibility==PUBLIC")
    );
    assert_filter(&app, &query, |p| {
        p["status"] == "PUBLISHED" && p["packageVisibility"] == "PUBLIC"
    })
    .await;
}

#[tokio::test]
async fn percent_encoded_operators_are_decoded() {
    let app = demo_app();
    assert_filter(&app, "property=status%3D%3DDRAFT%2CPUBLISH_FAILED", |p| {
        p["status"] == "DRAFT" || p["status"] == "PUBLISH_FAILED"
    })
    .await;
}

#[tokio::test]
async fn unknown_field_or_operator_is_refused_by_name() {
    let app = demo_app();
    for (filter, culprit) in [
        ("colour==red", "colour"),
        ("status=DRAFT", "'='"),
        ("status<>DRAFT", "'<>'"),
        ("status", "no operator"),
        ("status<DRAFT", "'<'"),
        ("createdDate>=yesterday", "yesterday"),
    ] {
        let reply = get(&format!("{PACKAGES}?{}", property(filter)))
            .send(&app)
            .await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        let title = reply.json["title"].as_str().unwrap();
        assert!(title.contains(culprit), "{filter}: {title}");
        assert_eq!(reply.json["report"]["tenantInfo"]["imsOrgId"], ACME);
        assert_eq!(
            reply.json["report"]["tenantInfo"]["sandboxName"],
            "acme-sandbox"
        );
    }
}

#[tokio::test]
async fn package_shape_follows_platform() {
    let app = demo_app();
    let all = packages_of(&app, ACME).await;
    let broken = all
        .iter()
        .find(|p| p["name"] == "Broken journey bundle")
        .expect("the demo has the broken bundle");
    let id = broken["id"].as_str().unwrap();
    assert_eq!(id.len(), 32);
    assert!(id.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    assert_eq!(broken["imsOrgId"], ACME);
    assert_eq!(broken["sourceSandbox"]["imsOrgId"], ACME);
    assert_eq!(broken["sourceSandbox"]["name"], "acme-sandbox");
    assert_eq!(broken["packageType"], "PARTIAL");
    assert_eq!(broken["status"], "PUBLISHED");
    assert!(broken["publishDate"].is_i64() && broken["expiry"].is_i64());
    assert!(broken["tenantId"].is_string() && broken["version"].is_i64());
    let artifacts = broken["artifactsList"].as_array().unwrap();
    assert!(!artifacts.is_empty());
    assert!(artifacts
        .iter()
        .all(|a| a["id"].is_string() && a["type"].is_string()));
    // Every package belongs to the caller's org, whatever the sandbox header says.
    assert!(all.iter().all(|p| p["imsOrgId"] == ACME));

    let page = list(&app, "").await.json;
    let typed: exim_api::PagedResponse<exim_api::Package> = serde_json::from_value(page).unwrap();
    assert!(typed.data.iter().any(|p| p.package_visibility.is_none()));
}

#[tokio::test]
async fn other_orgs_see_only_their_own_packages() {
    let app = demo_app();
    let reply = get(&format!("{PACKAGES}?limit=100"))
        .signed_in_as(GLOBEX, "demo-globex-admin", "prod")
        .send(&app)
        .await;
    let data = reply.json["data"].as_array().unwrap();
    assert!(!data.is_empty());
    assert!(data.iter().all(|p| p["imsOrgId"] == GLOBEX));
    let public = data.iter().filter(|p| p["packageVisibility"] == "PUBLIC");
    assert_eq!(public.count(), 1);
}

#[tokio::test]
async fn package_by_id() {
    let app = demo_app();
    let first = packages_of(&app, ACME).await[0].clone();
    let id = first["id"].as_str().unwrap();
    let reply = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json, first);
}

#[tokio::test]
async fn unknown_package_is_not_found() {
    let reply = get(&format!("{PACKAGES}/0123456789abcdef0123456789abcdef"))
        .send(&demo_app())
        .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("0123456789abcdef0123456789abcdef"));
}

#[tokio::test]
async fn another_orgs_package_is_not_found() {
    let app = demo_app();
    let globex = get(&format!("{PACKAGES}?limit=1"))
        .signed_in_as(GLOBEX, "demo-globex-admin", "prod")
        .send(&app)
        .await;
    let id = globex.json["data"][0]["id"].as_str().unwrap().to_string();
    let reply = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
}
