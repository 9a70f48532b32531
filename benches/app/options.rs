//! Command-line options of the app benchmark.

use std::path::PathBuf;

pub const USAGE: &str =
    "usage: app [--runs N] [--poll-secs N] [--soak-secs N] [--json PATH] [--server PATH] [--only export|partner|bulk]";

pub struct Options {
    /// Loads and page changes measured for each median.
    pub runs: usize,
    /// Length of each polling window.
    pub poll_secs: u64,
    pub soak_secs: u64,
    pub json: Option<PathBuf>,
    /// The release exim-server binary.
    pub server: PathBuf,
    /// `--only <part>`: just that part, for working on it without the long ones.
    pub only: Option<Part>,
}

/// The parts that `--only` runs alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Export,
    Partner,
    Bulk,
}

impl Options {
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut options = Options {
            runs: 7,
            poll_secs: 30,
            soak_secs: 600,
            json: None,
            server: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/exim-server"),
            only: None,
        };
        let mut args = args.peekable();
        while let Some(flag) = args.next() {
            // `cargo bench` adds `--bench` to every harness=false target.
            if flag == "--bench" {
                continue;
            }
            let value = args.next().ok_or(format!("{flag} needs a value"))?;
            let count = |what: &str| format!("{flag}: '{value}' is not {what}");
            match flag.as_str() {
                "--runs" => options.runs = value.parse().map_err(|_| count("a count"))?,
                "--poll-secs" => options.poll_secs = value.parse().map_err(|_| count("seconds"))?,
                "--soak-secs" => options.soak_secs = value.parse().map_err(|_| count("seconds"))?,
                "--json" => options.json = Some(value.into()),
                "--server" => options.server = value.into(),
                "--only" => {
                    options.only = Some(match value.as_str() {
                        "export" => Part::Export,
                        "partner" => Part::Partner,
                        "bulk" => Part::Bulk,
                        _ => {
                            return Err(format!("--only: '{value}' is not export, partner or bulk"))
                        }
                    })
                }
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        if options.runs == 0 || options.poll_secs == 0 {
            return Err("--runs and --poll-secs must be at least 1".into());
        }
        Ok(options)
    }

    /// The server's step: a share (eight steps) must stay in flight through both polling
    /// windows that need running transfers, plus time to load the page between them.
    pub fn step_ms(&self) -> u64 {
        (2 * self.poll_secs + 30) * 1000 / 7
    }
}
