//! `exim-server [--addr 127.0.0.1:8081] [--db PATH] [--demo] [--step-ms 1500] [--static-dir DIR]
//! [--test-hooks]`

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use exim_server::{app, demo_tokens, AppState, ServerConfig, DEFAULT_STEP_MS, LOCAL_API_KEY};
use tracing_subscriber::EnvFilter;

/// Local implementation of the Sandbox Tooling (exim) REST API: packages, partnerships
/// (handshake) and transfers under /data/foundation/exim, with access control and sandbox
/// management beside them. Every call needs `Authorization: Bearer <token>`,
/// `x-api-key: sandbox-share-local`, `x-gw-ims-org-id` and (for exim) `x-sandbox-name`.
#[derive(Debug, Parser)]
#[command(version, about, long_about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8081")]
    addr: SocketAddr,
    /// SQLite database file (created with its directory when missing).
    #[arg(long, default_value = ".data/exim.sqlite3")]
    db: PathBuf,
    /// Load the demo organizations, users, packages, partnerships and transfers into an
    /// empty database; the demo tokens are printed at startup.
    #[arg(long)]
    demo: bool,
    /// Milliseconds between steps of asynchronous work (publishing, imports, transfers).
    #[arg(long, default_value_t = DEFAULT_STEP_MS)]
    step_ms: u64,
    /// Serve a built app from this directory for every path outside the API.
    #[arg(long)]
    static_dir: Option<PathBuf>,
    /// For tests only: serve GET|DELETE /_local/requests (API requests counted per route) and
    /// POST|GET|DELETE /_local/faults (make the next matching requests fail, wait or drop).
    #[arg(long)]
    test_hooks: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("exim_server=info,tower_http=info")),
        )
        .init();
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("exim-server: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let mut state = AppState::open(&ServerConfig {
        db_path: Some(args.db.clone()),
        demo: args.demo,
        static_dir: args.static_dir,
        step_ms: args.step_ms,
    })?;
    if args.test_hooks {
        state = state.with_test_hooks();
    }
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let address = listener.local_addr()?;
    println!(
        "exim-server listening on http://{address} (database {})",
        args.db.display()
    );
    if args.demo {
        print_demo_tokens();
    }
    if args.test_hooks {
        println!("test hooks: http://{address}/_local/requests and http://{address}/_local/faults");
    }
    state.start_worker();
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// The demo sign-ins, so that the demo can be tried with curl or the app right away.
fn print_demo_tokens() {
    println!("demo tokens (x-api-key: {LOCAL_API_KEY}):");
    for demo in demo_tokens() {
        println!(
            "  {:<20} {:<15} {}  {}",
            demo.token,
            demo.org_name,
            demo.ims_org_id,
            demo.permissions.join(", ")
        );
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
