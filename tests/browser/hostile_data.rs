//! Names from the API are text, never markup, and long names stay readable.

use thirtyfour::prelude::*;

use crate::support::orgs::ACME;
use crate::support::pages::PackagesPage;
use crate::support::{api_call, screenshot, with_session};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[tokio::test(flavor = "multi_thread")]
async fn hostile_and_very_long_names_render_as_text() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let long_name = format!("Long {}", "x".repeat(251));
        assert_eq!(long_name.chars().count(), 256);
        for name in [HOSTILE, long_name.as_str()] {
            let (status, body) = api_call(
                &session,
                "POST",
                "/exim/packages",
                "demo-acme-admin",
                ACME,
                Some(serde_json::json!({"name": name, "description": HOSTILE, "packageType": "PARTIAL"})),
            )
            .await?;
            assert!(status == 200 || status == 201, "created {name}: {status} {body}");
        }
        session.driver.refresh().await?;
        let packages = PackagesPage { driver: &session.driver };
        packages.wait_for_package(HOSTILE).await?;

        assert_eq!(session.driver.find_all(By::Css("img[src='x']")).await?.len(), 0, "no markup injected");
        let alert_open = session.driver.get_alert_text().await.is_ok();
        assert!(!alert_open, "no script ran");

        let link = packages.row(&long_name).await?.find(By::Css("a.truncate")).await?;
        assert_eq!(link.attr("title").await?.as_deref(), Some(long_name.as_str()), "the full name is available");
        let (client, scroll): (f64, f64) = session
            .driver
            .execute("return [arguments[0].clientWidth, arguments[0].scrollWidth];", vec![link.to_json()?])
            .await?
            .convert()?;
        assert!(client < scroll, "the long name is truncated on screen ({client} < {scroll})");
        screenshot(&session.driver, "packages-hostile-names").await?;
        Ok(())
    })
    .await;
}
