//! Latency of `GET /exim/transfer/list` and `GET /exim/packages/jobs` over a large database.
//!
//! ```text
//! cargo run --release -p exim-server --example exim-bench -- [--transfers 100000]
//!     [--jobs 100000] [--iterations 300] [--fail-above-ms 15] [--json PATH]
//! ```
//!
//! Seeds the transfers and jobs into a temporary file database (WAL, as the server runs), then sends
//! each scenario's request in-process (router, handlers, SQLite, JSON; no sockets) and
//! reports p50/p95/max. With `--fail-above-ms`, exits with status 1 when any p95 is above it.
//! With `--json`, also writes the results to PATH for `cargo xtask bench`'s report:
//! `[{"scenario", "query", "p50_ms", "p95_ms", "max_ms", "total_elements"}, ...]`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use exim_server::{app, AppState, ServerConfig, LOCAL_API_KEY};
use http_body_util::BodyExt;
use tower::ServiceExt;

const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
const WARM_UP: usize = 20;

/// `(name, query)`: every scenario sorts newest first; 50 rows a page as the app can show
/// (100 for the largest page it offers).
const SCENARIOS: &[(&str, &str)] = &[
    ("first page", "orderBy=-createdDate&limit=50"),
    ("first page, 100 rows", "orderBy=-createdDate&limit=100"),
    (
        "page 1,001 (start=50000)",
        "orderBy=-createdDate&start=50000&limit=50",
    ),
    (
        "page 2,000 (start=99950)",
        "orderBy=-createdDate&start=99950&limit=50",
    ),
    (
        "status filter (FAILED)",
        "orderBy=-createdDate&property=status%3D%3DFAILED&limit=50",
    ),
    (
        "search (packageName~loyalty)",
        "orderBy=-createdDate&property=packageName~loyalty&limit=50",
    ),
];

/// `(name, query)` of `GET /exim/packages/jobs`: first, middle and last page, the declared
/// filters, a search and the other sorts.
const JOB_SCENARIOS: &[(&str, &str)] = &[
    ("jobs: first page", "orderBy=-createdDate&limit=50"),
    (
        "jobs: page 1,001 (start=50000)",
        "orderBy=-createdDate&start=50000&limit=50",
    ),
    (
        "jobs: page 2,000 (start=99950)",
        "orderBy=-createdDate&start=99950&limit=50",
    ),
    (
        "jobs: requestType=IMPORT",
        "orderBy=-createdDate&requestType=IMPORT&limit=50",
    ),
    (
        "jobs: IMPORT, last page",
        "orderBy=-createdDate&requestType=IMPORT&start=33300&limit=50",
    ),
    (
        "jobs: jobStatus=FAILED",
        "orderBy=-createdDate&jobStatus=FAILED&limit=50",
    ),
    (
        "jobs: search (name~loyalty)",
        "orderBy=-createdDate&property=name~loyalty&limit=50",
    ),
    (
        "jobs: by updated, middle page",
        "orderBy=-updated&start=50000&limit=50",
    ),
    (
        "jobs: by name, middle page",
        "orderBy=name&start=50000&limit=50",
    ),
];

struct Options {
    transfers: usize,
    jobs: usize,
    iterations: usize,
    fail_above_ms: Option<f64>,
    json: Option<std::path::PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        transfers: 100_000,
        jobs: 100_000,
        iterations: 300,
        fail_above_ms: None,
        json: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |what: &str| format!("{flag}: '{value}' is not {what}");
        match flag.as_str() {
            "--transfers" => options.transfers = value.parse().map_err(|_| number("a count"))?,
            "--jobs" => options.jobs = value.parse().map_err(|_| number("a count"))?,
            "--iterations" => options.iterations = value.parse().map_err(|_| number("a count"))?,
            "--fail-above-ms" => {
                options.fail_above_ms = Some(value.parse().map_err(|_| number("a number"))?)
            }
            "--json" => options.json = Some(value.into()),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(error) => {
            eprintln!("exim-bench: {error}");
            return ExitCode::from(2);
        }
    };
    match run(&options).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("exim-bench: {error}");
            ExitCode::from(2)
        }
    }
}

/// Returns whether every p95 is within `--fail-above-ms`.
async fn run(options: &Options) -> Result<bool, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db_path = dir.path().join("bench.sqlite3");
    let state = AppState::open(&ServerConfig {
        db_path: Some(db_path.clone()),
        demo: true,
        ..ServerConfig::default()
    })?;
    let seeding = Instant::now();
    state.seed_benchmark_transfers(options.transfers)?;
    println!(
        "seeded {} transfers in {:.1} s ({:.1} MB with the WAL)",
        options.transfers,
        seeding.elapsed().as_secs_f64(),
        database_megabytes(&db_path)
    );
    let seeding = Instant::now();
    state.seed_benchmark_jobs(options.jobs)?;
    println!(
        "seeded {} jobs in {:.1} s ({:.1} MB with the WAL)",
        options.jobs,
        seeding.elapsed().as_secs_f64(),
        database_megabytes(&db_path)
    );
    // Measured as the binary serves: with the worker checking for due work meanwhile.
    state.start_worker();
    let app = app(state);
    let mut results = Vec::new();
    let lists = [
        ("/data/foundation/exim/transfer/list", SCENARIOS),
        ("/data/foundation/exim/packages/jobs", JOB_SCENARIOS),
    ];
    let mut within = true;
    for (path, scenarios) in lists {
        println!(
            "GET {path} as Acme, {} requests per scenario after {WARM_UP} warm-up",
            options.iterations
        );
        println!(
            "{:<32} {:>8} {:>8} {:>8} {:>14}",
            "scenario", "p50 ms", "p95 ms", "max ms", "totalElements"
        );
        for (name, query) in scenarios {
            let uri = format!("{path}?{query}");
            let (total, _) = request(&app, &uri).await?;
            for _ in 0..WARM_UP {
                request(&app, &uri).await?;
            }
            let mut timings = Vec::with_capacity(options.iterations);
            for _ in 0..options.iterations {
                timings.push(request(&app, &uri).await?.1);
            }
            timings.sort();
            let p50 = millis(percentile(&timings, 0.50));
            let p95 = millis(percentile(&timings, 0.95));
            let max = millis(timings.last().copied().unwrap_or_default());
            println!("{name:<32} {p50:>8.2} {p95:>8.2} {max:>8.2} {total:>14}");
            within &= options.fail_above_ms.is_none_or(|limit| p95 <= limit);
            results.push(serde_json::json!({
                "scenario": name,
                "query": query,
                "p50_ms": p50,
                "p95_ms": p95,
                "max_ms": max,
                "total_elements": total,
            }));
        }
    }
    if let Some(path) = &options.json {
        std::fs::write(path, serde_json::to_string_pretty(&results)?)?;
    }
    if let Some(limit) = options.fail_above_ms {
        let verdict = if within { "met" } else { "MISSED" };
        println!("target p95 <= {limit} ms: {verdict}");
    }
    Ok(within)
}

/// Sends one request; returns the list's `totalElements` and how long the answer took.
async fn request(app: &Router, uri: &str) -> Result<(u64, Duration), Box<dyn std::error::Error>> {
    let request = Request::get(uri)
        .header("authorization", "Bearer demo-acme-admin")
        .header("x-api-key", LOCAL_API_KEY)
        .header("x-gw-ims-org-id", ACME)
        .header("x-sandbox-name", "acme-sandbox")
        .body(Body::empty())?;
    let started = Instant::now();
    let response = app.clone().oneshot(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    let elapsed = started.elapsed();
    if status != StatusCode::OK {
        return Err(format!("{uri}: {status} {}", String::from_utf8_lossy(&body)).into());
    }
    let json: serde_json::Value = serde_json::from_slice(&body)?;
    Ok((json["totalElements"].as_u64().unwrap_or_default(), elapsed))
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn database_megabytes(path: &std::path::Path) -> f64 {
    let size = |path: &std::path::Path| std::fs::metadata(path).map_or(0, |meta| meta.len());
    let wal = path.with_extension("sqlite3-wal");
    (size(path) + size(&wal)) as f64 / 1_000_000.0
}
