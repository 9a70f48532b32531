//! `cargo xtask bench [server|app|size] [--soak-secs N] [--poll-secs N] [--fail-on-miss]`.

use crate::process::Result;

#[derive(Debug, PartialEq)]
pub struct Options {
    pub server: bool,
    /// The app in the browser (the release bytes come with it).
    pub app: bool,
    /// The release build's bytes and where the wasm's go: with `app`, or alone (`size`).
    pub size: bool,
    pub soak_secs: u64,
    pub poll_secs: u64,
    pub fail_on_miss: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            server: true,
            app: true,
            size: true,
            soak_secs: 600,
            poll_secs: 30,
            fail_on_miss: false,
        };
        let mut part = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut seconds = |flag: &str| -> Result<u64> {
                let value = args
                    .next()
                    .ok_or(format!("{flag} needs a number of seconds"))?;
                match value.parse() {
                    Ok(secs) if secs > 0 => Ok(secs),
                    _ => Err(format!("{flag}: '{value}' is not a number of seconds")),
                }
            };
            match arg.as_str() {
                "server" | "app" | "size" => {
                    if part.replace(arg.as_str()).is_some() {
                        return Err(
                            "bench: choose one of server, app or size (or none, for all)".into(),
                        );
                    }
                }
                "--soak-secs" => options.soak_secs = seconds("--soak-secs")?,
                "--poll-secs" => options.poll_secs = seconds("--poll-secs")?,
                "--fail-on-miss" => options.fail_on_miss = true,
                other => return Err(format!("bench: unknown argument '{other}'")),
            }
        }
        if let Some(part) = part {
            options.server = part == "server";
            options.app = part == "app";
            options.size = part != "server";
        }
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::Options;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(&args.iter().map(|arg| arg.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn everything_by_default_with_a_ten_minute_soak() {
        let options = parse(&[]).unwrap();
        assert!(options.server && options.app && options.size && !options.fail_on_miss);
        assert_eq!((options.soak_secs, options.poll_secs), (600, 30));
    }

    #[test]
    fn a_part_and_options_in_any_order() {
        let options = parse(&["--soak-secs", "60", "app", "--fail-on-miss"]).unwrap();
        assert!(options.app && options.size && !options.server && options.fail_on_miss);
        assert_eq!(options.soak_secs, 60);
        assert!(parse(&["server"]).is_ok_and(|o| o.server && !o.app && !o.size));
        assert!(parse(&["size"]).is_ok_and(|o| o.size && !o.app && !o.server));
    }

    #[test]
    fn bad_arguments_are_refused() {
        assert!(parse(&["--poll-secs"]).is_err());
        assert!(parse(&["--poll-secs", "0"]).is_err());
        assert!(parse(&["--soak-secs", "ten"]).is_err());
        assert!(parse(&["client"]).is_err());
        assert!(parse(&["server", "app"]).is_err());
        assert!(parse(&["size", "app"]).is_err());
    }
}
