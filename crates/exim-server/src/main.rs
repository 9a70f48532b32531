//! `exim-server [--addr 127.0.0.1:8081] [--db PATH] [--demo] [--step-ms 1500] [--static-dir DIR]`

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use exim_server::{app, AppState, ServerConfig, DEFAULT_STEP_MS};
use tracing_subscriber::EnvFilter;

/// Local implementation of the Sandbox Tooling (exim) REST API.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8081")]
    addr: SocketAddr,
    /// SQLite database file (created with its directory when missing).
    #[arg(long, default_value = ".data/exim.sqlite3")]
    db: PathBuf,
    /// Load the demo organizations, users and packages into an empty database.
    #[arg(long)]
    demo: bool,
    /// Milliseconds between steps of simulated asynchronous work.
    #[arg(long, default_value_t = DEFAULT_STEP_MS)]
    step_ms: u64,
    /// Serve a built app from this directory for every path outside the API.
    #[arg(long)]
    static_dir: Option<PathBuf>,
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
    let state = AppState::open(&ServerConfig {
        db_path: Some(args.db.clone()),
        demo: args.demo,
        static_dir: args.static_dir,
        step_ms: args.step_ms,
    })?;
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    println!(
        "exim-server listening on http://{} (database {})",
        listener.local_addr()?,
        args.db.display()
    );
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
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
