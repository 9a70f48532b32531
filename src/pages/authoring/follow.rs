//! The package of the details page: read once, and read again every few seconds while it is
//! being published (the refresh scheduler's discipline: paused while the tab is hidden, backing
//! off after failures), so that the page follows a publish to its end.

use exim_api::{Package, PackageStatus};
use leptos::prelude::*;

use crate::api::{packages, ApiError};
use crate::components::refresh::{use_polled_read, Refresh};
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::package_edit as k;
use crate::i18n::tf;
use crate::session::ConnectionContext;
use crate::state::authoring_rules::is_publishing;

/// The followed package, what the page shows of it, and the ways a write replaces it.
#[derive(Clone, Copy)]
pub struct FollowedPackage {
    pub read: LocalResource<Result<Package, ApiError>>,
    pub refresh: Refresh,
    /// True while a read is under way.
    pub loading: RwSignal<bool>,
    /// The package as last read or written, kept through a failed refresh.
    pub shown: Memo<Option<Package>>,
    /// The package's id and status as last seen, to tell a publish that just ended.
    last_seen: StoredValue<Option<(String, PackageStatus)>>,
}

/// Reads the package with this id, following it while it is being published. When a publish
/// seen here ends in PUBLISHED, a notification says so.
pub fn follow_package(id: Memo<String>) -> FollowedPackage {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let last_seen = StoredValue::new(None::<(String, PackageStatus)>);
    let (read, refresh, loading) = use_polled_read(
        move || {
            let client = context.client();
            let id = id.get();
            async move {
                let result = packages::get(&client, &id).await;
                if let Ok(package) = &result {
                    let was_publishing = last_seen.with_value(|seen| {
                        seen.as_ref().is_some_and(|(seen_id, status)| {
                            *seen_id == package.id && *status == PackageStatus::PublishInProgress
                        })
                    });
                    if was_publishing && package.status == Some(PackageStatus::Published) {
                        toasts.show(
                            tf(k::PUBLISHED, &[("package", &package.name)]),
                            ToastVariant::Positive,
                        );
                    }
                    remember(last_seen, package);
                }
                result
            }
        },
        is_publishing,
    );
    let shown = Memo::new(move |previous: Option<&Option<Package>>| {
        read.with(|outcome| match outcome {
            Some(Ok(package)) => Some(package.clone()),
            _ => previous.cloned().flatten(),
        })
        .filter(|package| id.with(|id| package.id == *id))
    });
    FollowedPackage {
        read,
        refresh,
        loading,
        shown,
        last_seen,
    }
}

fn remember(last_seen: StoredValue<Option<(String, PackageStatus)>>, package: &Package) {
    let status = package.status.clone().unwrap_or(PackageStatus::Draft);
    last_seen.set_value(Some((package.id.clone(), status)));
}

impl FollowedPackage {
    /// Shows the package as the server returned it after a write.
    pub fn replace(self, package: Package) {
        remember(self.last_seen, &package);
        self.read.set(Some(Ok(package)));
    }

    /// Publishing started: the package is PUBLISH_IN_PROGRESS at once, and followed from now.
    pub fn publishing_started(self) {
        let Some(mut package) = self.shown.get_untracked() else {
            return;
        };
        package.status = Some(PackageStatus::PublishInProgress);
        self.replace(package);
        self.refresh.succeeded(true);
    }
}
