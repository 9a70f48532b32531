//! The Packages tab: availability radio, search, sort and paging through the URL and the API,
//! and the Share rules of the UI spec.

use thirtyfour::prelude::*;

use crate::support::pages::{ConnectionPage, PackagesPage};
use crate::support::wait::eventually;
use crate::support::{accessibility_violations, screenshot, wait_present, with_session};

#[tokio::test(flavor = "multi_thread")]
async fn the_availability_radio_switches_the_inventory_and_the_url_and_survives_reload() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_package("Customer profile schema").await?;
        let private = packages.package_names().await?;
        assert!(
            !private.iter().any(|name| name == "Spring sale journeys"),
            "public packages are not listed as private"
        );
        assert!(
            private.iter().any(|name| name == "Merge policy defaults"),
            "no visibility counts as private"
        );

        session.requests.clear();
        packages.choose_availability("Public").await?;
        packages
            .wait_for_names(&["Onboarding welcome series", "Spring sale journeys"])
            .await?;
        session
            .requests
            .wait_for(&["/exim/packages?", "packageVisibility%3D%3DPUBLIC"])
            .await?;
        let url = session.driver.current_url().await?;
        assert_eq!(url.query(), Some("availability=public"));

        session.driver.refresh().await?;
        packages
            .wait_for_names(&["Onboarding welcome series", "Spring sale journeys"])
            .await?;
        let public_radio = session.driver.find(By::Id("availability-public")).await?;
        assert!(
            public_radio.is_selected().await?,
            "the radio is restored from the URL"
        );
        screenshot(&session.driver, "packages-public").await?;

        session.driver.back().await?;
        packages.wait_for_package("Customer profile schema").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_sort_and_paging_are_done_by_the_api_and_kept_in_the_url() {
    with_session(|session| async move {
        session.open("/packages?size=10").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_package("Experimental segments").await?;
        assert_eq!(packages.package_names().await?.len(), 10);

        session.requests.clear();
        session
            .driver
            .find(By::XPath(
                "//nav[@aria-label='Pages']//button[normalize-space(.)='Next']",
            ))
            .await?
            .click()
            .await?;
        session
            .requests
            .wait_for(&["/exim/packages?", "start=10", "limit=10"])
            .await?;
        let next_page = packages.package_names().await?;
        assert!(
            !next_page.is_empty() && next_page.len() <= 10,
            "page 2: {next_page:?}"
        );
        assert!(session
            .driver
            .current_url()
            .await?
            .query()
            .unwrap_or_default()
            .contains("page=2"));

        packages.sort_by("Name").await?;
        session
            .requests
            .wait_for(&["/exim/packages?", "start=0", "orderby=name"])
            .await?;
        assert_eq!(
            packages.aria_sort("Name").await?.as_deref(),
            Some("ascending")
        );
        packages.wait_for_package("Broken journey bundle").await?;
        assert_eq!(
            packages.package_names().await?.first().map(String::as_str),
            Some("Broken journey bundle")
        );
        packages.sort_by("Name").await?;
        session.requests.wait_for(&["orderby=-name"]).await?;
        assert_eq!(
            packages.aria_sort("Name").await?.as_deref(),
            Some("descending")
        );

        packages.search("journey").await?;
        session
            .requests
            .wait_for(&["/exim/packages?", "name%7Ejourney"])
            .await?;
        packages
            .wait_for_names(&[
                "Win-back journeys",
                "Cart abandonment journey",
                "Broken journey bundle",
            ])
            .await?;
        let query = session
            .driver
            .current_url()
            .await?
            .query()
            .unwrap_or_default()
            .to_string();
        assert!(
            query.contains("q=journey")
                && query.contains("sort=-name")
                && query.contains("size=10"),
            "{query}"
        );

        session.driver.refresh().await?;
        packages
            .wait_for_names(&[
                "Win-back journeys",
                "Cart abandonment journey",
                "Broken journey bundle",
            ])
            .await?;
        let search = session.driver.find(By::Id("package-search")).await?;
        assert_eq!(
            search.prop("value").await?.as_deref(),
            Some("journey"),
            "the search box is restored"
        );

        packages.search("no such package").await?;
        let empty = wait_present(&session.driver, By::Css(".empty-state h2"))
            .await?
            .text()
            .await?;
        assert!(empty.contains("No packages match"), "{empty}");
        screenshot(&session.driver, "packages-search-empty").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_package_says_why_it_cannot_be_shared() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_package("Customer profile schema").await?;
        assert_eq!(
            packages
                .share_hint("Holiday campaign 2026")
                .await?
                .as_deref(),
            Some("Only published packages can be shared")
        );
        assert_eq!(
            packages
                .share_hint("Production baseline schemas")
                .await?
                .as_deref(),
            Some("Switch to sandbox prod to share this package")
        );
        assert_eq!(
            packages.share_hint("Customer profile schema").await?,
            None,
            "shareable: nothing to explain"
        );
        // Only the shareable package offers Share.
        let offers_share = |labels: Vec<String>| labels.iter().any(|label| label == "Share");
        assert!(offers_share(
            packages.row_buttons("Customer profile schema").await?
        ));
        for name in ["Holiday campaign 2026", "Production baseline schemas"] {
            assert!(
                !offers_share(packages.row_buttons(name).await?),
                "{name} offers no Share"
            );
        }

        // Focus shows the reason (keyboard users get it too).
        let trigger = packages
            .row("Holiday campaign 2026")
            .await?
            .find(By::Css(".has-tooltip"))
            .await?;
        trigger.focus().await?;
        let tooltip = trigger.find(By::Css("[role='tooltip']")).await?;
        assert!(
            tooltip.is_displayed().await?,
            "the reason is visible on focus"
        );
        screenshot(&session.driver, "packages-share-hint").await?;

        // Switching the sandbox changes which packages belong to the current sandbox.
        session
            .driver
            .find(By::Css("#sandbox-select option[value='prod']"))
            .await?
            .click()
            .await?;
        eventually("prod packages to become shareable", || async {
            Ok(packages
                .share_hint("Production baseline schemas")
                .await?
                .is_none())
        })
        .await?;
        assert_eq!(
            packages
                .share_hint("Customer profile schema")
                .await?
                .as_deref(),
            Some("Switch to sandbox acme-sandbox to share this package")
        );

        packages.choose_availability("Public").await?;
        packages.wait_for_package("Spring sale journeys").await?;
        assert_eq!(
            packages
                .share_hint("Spring sale journeys")
                .await?
                .as_deref(),
            Some("Public packages are not shared: copy their payload instead")
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_viewer_can_neither_share_nor_change_availability() {
    with_session(|session| async move {
        session.open("/connection").await?;
        ConnectionPage {
            driver: &session.driver,
        }
        .connect_demo("demo-acme-viewer")
        .await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_package("Customer profile schema").await?;
        eventually("the permission check to answer", || async {
            Ok(packages
                .share_hint("Customer profile schema")
                .await?
                .is_some())
        })
        .await?;
        for name in packages.package_names().await? {
            assert_eq!(
                packages.share_hint(&name).await?.as_deref(),
                Some("You need the Share Packages permission to share packages"),
                "{name}"
            );
            assert!(
                packages.row_buttons(&name).await?.is_empty(),
                "{name} offers no action"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_inventory_passes_an_axe_audit() {
    with_session(|session| async move {
        session.open("/packages").await?;
        PackagesPage {
            driver: &session.driver,
        }
        .wait_for_package("Customer profile schema")
        .await?;
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on the inventory: {violations:#?}"
        );
        Ok(())
    })
    .await;
}

/// A name is cut only when the window has no room for it.
#[tokio::test(flavor = "multi_thread")]
async fn names_take_the_room_a_wide_window_has() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, 1366, 900).await?;
        session.open("/packages?q=Production%20baseline").await?;
        PackagesPage { driver }
            .wait_for_package("Production baseline schemas")
            .await?;
        let (shown, needed): (u64, u64) = driver
            .execute(
                "const link = document.querySelector('#packages-table td.name-cell a');
                 return [link.clientWidth, link.scrollWidth];",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert!(
            shown >= needed,
            "the name is cut: {shown} of {needed} px shown"
        );
        Ok(())
    })
    .await;
}
