//! The Jobs tab: export and import jobs going live to their end, the view (type, status,
//! search, order, page) in the URL through a reload, the rail of one job with its steps, an
//! unknown job, every width axe-clean, and the screen in German.

use thirtyfour::prelude::*;

use crate::support::jobs_pages::{import, publish, JobsPage, JOB_PATIENCE};
use crate::support::language::choose_language;
use crate::support::wait::{eventually, PATIENCE};
use crate::support::{
    accessibility_violations, screenshot, wait_for_toast, wait_visible, with_session,
    with_session_stepping,
};

/// Jobs wait and run this long per step, so that Pending and In progress are seen.
const SLOW_STEP_MS: u64 = 2_500;
const WIDTHS: [(u32, u32); 3] = [(1366, 900), (768, 1024), (390, 844)];

#[tokio::test(flavor = "multi_thread")]
async fn jobs_go_live_to_succeeded_and_their_view_lives_in_the_url() {
    with_session_stepping(SLOW_STEP_MS, |session| async move {
        let driver = &session.driver;
        let jobs = JobsPage { driver };
        session.open("/jobs").await?;
        let empty = wait_visible(driver, By::Css(".empty-state")).await?;
        assert!(
            empty.text().await?.contains("No jobs yet"),
            "{}",
            empty.text().await?
        );

        for n in 1..=11 {
            import(
                &session,
                "Customer profile schema",
                &format!("Nightly import {n:02}"),
            )
            .await?;
        }
        publish(&session, "Cart abandonment journey").await?;
        session.open("/jobs").await?;
        // Set on this page load: still there at the end means nothing reloaded the page.
        driver
            .execute("window.sameLoad = true;", Vec::new())
            .await?;
        let first = jobs
            .wait_rows("twelve jobs", |rows| rows.len() == 12, PATIENCE)
            .await?;
        let export = first
            .iter()
            .find(|row| row.name == "Cart abandonment journey")
            .expect("the export job");
        assert_eq!(export.job_type, "Export");
        assert!(
            export.status == "Pending" || export.status == "In progress",
            "the publish has just started: {export:?}"
        );
        assert!(
            first
                .iter()
                .filter(|row| row.name.starts_with("Nightly import"))
                .all(|row| row.job_type == "Import"),
            "{first:#?}"
        );
        jobs.wait_rows(
            "every job to succeed",
            |rows| rows.len() == 12 && rows.iter().all(|row| row.status == "Succeeded"),
            JOB_PATIENCE,
        )
        .await?;
        let same_load: bool = driver
            .execute("return window.sameLoad === true;", Vec::new())
            .await?
            .convert()?;
        assert!(same_load, "the statuses changed without a reload");
        let (page, window) = jobs.widths().await?;
        assert!(page <= window, "{page} px wide in a {window} px window");
        screenshot(driver, "jobs-live-succeeded").await?;

        // Type, status, search and order: each done by the API and kept in the URL.
        jobs.choose_type("Import").await?;
        jobs.wait_rows("imports only", |rows| rows.len() == 11, PATIENCE)
            .await?;
        session
            .requests
            .wait_for(&["/packages/jobs", "requestType=IMPORT"])
            .await?;
        jobs.toggle_status("Failed").await?;
        let none = wait_visible(driver, By::Css(".empty-state")).await?;
        assert!(
            none.text().await?.contains("No matching jobs"),
            "{}",
            none.text().await?
        );
        jobs.toggle_status("Succeeded").await?;
        jobs.wait_rows(
            "succeeded or failed imports",
            |rows| rows.len() == 11,
            PATIENCE,
        )
        .await?;
        session
            .requests
            .wait_for(&["/packages/jobs", "jobStatus=SUCCESS%2CFAILED"])
            .await?;
        jobs.search("import 1").await?;
        jobs.wait_for_names(&["Nightly import 11", "Nightly import 10"])
            .await?;
        jobs.sort_by("Name").await?;
        jobs.wait_for_names(&["Nightly import 10", "Nightly import 11"])
            .await?;
        assert_eq!(
            jobs.query().await?,
            "q=import%201&type=import&status=SUCCESS%2CFAILED&sort=name"
        );
        jobs.search("").await?;
        eventually("the search cleared from the URL", || async {
            Ok(!jobs.query().await?.contains("q="))
        })
        .await?;

        // Paging: ten a page, the second page holds the eleventh import, through a reload.
        session
            .open("/jobs?type=import&status=SUCCESS%2CFAILED&sort=name&size=10")
            .await?;
        jobs.wait_rows("a first page of ten", |rows| rows.len() == 10, PATIENCE)
            .await?;
        driver
            .find(By::XPath(
                "//nav[contains(@class,'pagination')]//button[normalize-space(.)='Next']",
            ))
            .await?
            .click()
            .await?;
        jobs.wait_for_names(&["Nightly import 11"]).await?;
        assert!(
            jobs.query().await?.contains("page=2"),
            "{}",
            jobs.query().await?
        );
        driver.refresh().await?;
        jobs.wait_for_names(&["Nightly import 11"]).await?;
        let kept: (String, bool, bool) = driver
            .execute(
                "return [document.getElementById('job-type').value,
                         document.getElementById('job-status-success').checked,
                         document.getElementById('job-status-pending').checked];",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(
            kept,
            ("IMPORT".to_string(), true, false),
            "the filters survive a reload"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rail_follows_a_job_live_and_every_width_is_clean() {
    with_session_stepping(SLOW_STEP_MS, |session| async move {
        let driver = &session.driver;
        let jobs = JobsPage { driver };
        session.open("/jobs").await?;
        let id = import(&session, "Customer profile schema", "Rail import").await?;
        session.open("/jobs").await?;
        jobs.wait_for_names(&["Rail import"]).await?;
        jobs.open_job("Rail import").await?;
        let text = jobs.rail_text().await?;
        for expected in [
            "Import",
            "Partial",
            "acme-sandbox",
            "acme-dev",
            "Job ID",
            id.as_str(),
            "Copy ID",
        ] {
            assert!(
                text.contains(expected),
                "the rail says {expected:?}: {text}"
            );
        }
        assert!(
            jobs.steps("done").await?.len() < 3,
            "the job has just started: {text}"
        );
        eventually("the rail shows every step done", || async {
            Ok(jobs.steps("done").await? == ["Pending", "In progress", "Succeeded"])
        })
        .await?;
        // What the import did with each object (exim-server's per-object results).
        let objects: Vec<(String, String)> = driver
            .execute(
                "return [...document.querySelectorAll('aside.rail .object-results tbody tr')]
                   .map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim()));",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(objects.len(), 4, "{objects:#?}");
        assert!(
            objects[0].0.starts_with("Acme customer profile")
                && objects[0].1.starts_with("Created")
                && objects[0].1.contains("New ID:"),
            "{objects:#?}"
        );
        assert!(
            objects.iter().any(|(object, outcome)| object.starts_with("Loyalty details")
                && outcome.starts_with("Reused")),
            "{objects:#?}"
        );
        // Copy ID puts exactly the job's ID on the clipboard.
        session.grant_clipboard().await?;
        driver
            .find(By::XPath("//aside//button[normalize-space(.)='Copy ID']"))
            .await?
            .click()
            .await?;
        wait_for_toast(driver, "Job ID copied").await?;
        let clipboard: String = driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.clipboard.readText().then(done, (e) => done('read failed: ' + e));",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(clipboard, id);
        let row_selected = driver
            .find_all(By::Css(format!(
                "#jobs-table tr.selected[data-job-id='{id}']"
            )))
            .await?;
        assert_eq!(row_selected.len(), 1, "the job's row is marked as open");

        // Every width: the list and the rail fit, are axe-clean and photographed.
        for (width, height) in WIDTHS {
            driver.set_window_rect(0, 0, width, height).await?;
            for (name, path, ready) in [
                ("list", "/jobs".to_string(), "#jobs-table tbody tr"),
                ("rail", format!("/jobs/{id}"), "aside.rail dl.metadata"),
            ] {
                session.open(&path).await?;
                wait_visible(driver, By::Css(ready)).await?;
                let (page, window) = jobs.widths().await?;
                assert!(
                    page <= window,
                    "{name}: {page} px wide in a {window} px window"
                );
                let violations = accessibility_violations(driver).await?;
                assert!(
                    violations.is_empty(),
                    "axe on the {name} at {width} px: {violations:#?}"
                );
                screenshot(driver, &format!("jobs-{name}-{width}")).await?;
                if name == "rail" {
                    driver
                        .execute(
                            "document.querySelector('aside.rail').scrollTop = 1e6;
                             window.scrollTo(0, 1e6);",
                            Vec::new(),
                        )
                        .await?;
                    screenshot(driver, &format!("jobs-rail-end-{width}")).await?;
                }
            }
        }
        driver.set_window_rect(0, 0, 1366, 900).await?;

        // Escape closes the rail and gives focus back to the job's row.
        driver
            .active_element()
            .await?
            .send_keys(Key::Escape)
            .await?;
        eventually("the rail closed", || async {
            Ok(driver.current_url().await?.path() == "/jobs")
        })
        .await?;

        // A job that does not exist: the rail says so, and offers no Retry that cannot help.
        session
            .open("/jobs/0123456789abcdef0123456789abcdef")
            .await?;
        let alert = wait_visible(driver, By::Css("aside.rail [role='alert']")).await?;
        let said = alert.text().await?;
        assert!(
            said.contains("Not found")
                && said.contains("Job 0123456789abcdef0123456789abcdef not found"),
            "{said}"
        );
        assert!(alert
            .find_all(By::XPath(".//button[normalize-space(.)='Retry']"))
            .await?
            .is_empty());
        screenshot(driver, "jobs-rail-unknown").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_jobs_screen_in_german() {
    with_session(|session| async move {
        let driver = &session.driver;
        let jobs = JobsPage { driver };
        session.open("/jobs").await?;
        let id = publish(&session, "Web events dataset").await?;
        choose_language(driver, "de").await?;
        session.open(&format!("/jobs/{id}")).await?;
        let heading = wait_visible(driver, By::Css("main h1")).await?;
        assert_eq!(heading.text().await?, "Aufträge");
        let tab = driver.find(By::Css("nav.tabs a[href='/jobs']")).await?;
        assert_eq!(tab.text().await?, "Aufträge");
        jobs.wait_rows(
            "the export, done",
            |rows| {
                rows.len() == 1 && rows[0].job_type == "Export" && rows[0].status == "Erfolgreich"
            },
            PATIENCE,
        )
        .await?;
        jobs.wait_rail_titled("Web events dataset").await?;
        eventually("the rail in German", || async {
            let text = jobs.rail_text().await?;
            Ok(text.contains("Auftrags-ID")
                && text.contains("ID kopieren")
                && text.contains("Quell-Sandbox"))
        })
        .await?;
        let violations = accessibility_violations(driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on Jobs in German: {violations:#?}"
        );
        screenshot(driver, "de-jobs-1366").await?;
        Ok(())
    })
    .await;
}
