//! `cargo xtask dev`: the app on http://127.0.0.1:8080 against `exim-server --demo`.

use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::process::{project_root, run, Result};
use crate::tools;

const SERVER_ADDR: &str = "127.0.0.1:8081";
const APP_URL: &str = "http://127.0.0.1:8080";

pub fn run_dev() -> Result {
    tools::ensure_build_tools()?;
    run(
        "build exim-server",
        Command::new("cargo").args(["build", "--package", "exim-server"]),
    )?;

    let root = project_root();
    std::fs::create_dir_all(root.join(".data")).map_err(|error| error.to_string())?;
    let (stop_tx, stop_rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;

    let server = Command::new(root.join("target/debug/exim-server"))
        .args([
            "--demo",
            "--addr",
            SERVER_ADDR,
            "--db",
            ".data/exim.sqlite3",
        ])
        .current_dir(&root)
        .spawn()
        .map_err(|error| format!("cannot start exim-server: {error}"))?;
    let trunk = tools::command("trunk")
        .arg("serve")
        .current_dir(&root)
        .spawn();
    let mut children = vec![("exim-server", server)];
    match trunk {
        Ok(trunk) => children.push(("trunk serve", trunk)),
        Err(error) => {
            stop_all(&mut children);
            return Err(format!("cannot start trunk serve: {error}"));
        }
    }
    print_banner();

    let reason = loop {
        if stop_rx.recv_timeout(Duration::from_millis(250)).is_ok() {
            break "Ctrl-C".to_string();
        }
        if let Some(name) = exited(&mut children) {
            break format!("{name} exited");
        }
    };
    println!("\nStopping ({reason})…");
    stop_all(&mut children);
    Ok(())
}

fn print_banner() {
    println!(
        "\n  Sandbox Share is starting at {APP_URL}\n  (the first build takes a minute; Trunk rebuilds on save)\n\n\
         \x20 API: exim-server --demo on http://{SERVER_ADDR}, database .data/exim.sqlite3\n\n\
         \x20 Demo credentials (choose them under Connection; API key sandbox-share-local):\n\
         \x20   demo-acme-admin      Acme Retail    5C1328435BF324E90A49402A@AdobeOrg  all permissions\n\
         \x20   demo-acme-viewer     Acme Retail    5C1328435BF324E90A49402A@AdobeOrg  read only\n\
         \x20   demo-globex-admin    Globex Corp    745F37C35E4B776E0A49421B@AdobeOrg\n\
         \x20   demo-initech-admin   Initech        2E63197465A811E70A494213@AdobeOrg\n\
         \x20   demo-umbrella-admin  Umbrella Group C0FA10B6661FDE6F0A494023@AdobeOrg\n\n\
         \x20 Press Ctrl-C to stop both.\n"
    );
}

fn exited(children: &mut [(&'static str, Child)]) -> Option<&'static str> {
    children
        .iter_mut()
        .find_map(|(name, child)| matches!(child.try_wait(), Ok(Some(_))).then_some(*name))
}

/// Asks each process to stop (SIGTERM), then kills what is still running after 5 s.
fn stop_all(children: &mut [(&'static str, Child)]) {
    for (_, child) in children.iter() {
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    for (name, child) in children.iter_mut() {
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if !matches!(child.try_wait(), Ok(Some(_))) {
            eprintln!("{name} did not stop in time; killing it");
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
