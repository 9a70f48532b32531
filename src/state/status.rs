//! One mapping from any API status to the variant of its status light, and its words.

use exim_api::TransferRequestType;

use crate::i18n::keys::status as k;
use crate::i18n::t;

/// The colour family of a status light (Spectrum's semantic variants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LightVariant {
    /// Pending or in progress.
    Notice,
    /// Approved or completed.
    Positive,
    /// Rejected or failed.
    Negative,
    /// Published or public.
    Info,
    /// Anything else; the raw value is still shown.
    Neutral,
}

impl LightVariant {
    pub fn class(self) -> &'static str {
        match self {
            LightVariant::Notice => "notice",
            LightVariant::Positive => "positive",
            LightVariant::Negative => "negative",
            LightVariant::Info => "info",
            LightVariant::Neutral => "neutral",
        }
    }
}

/// Maps a raw status (packages, transfers, handshakes, jobs) to its light.
pub fn light_for(status: &str) -> LightVariant {
    match status.to_ascii_uppercase().as_str() {
        "PENDING" | "IN_PROGRESS" | "APPROVAL_PENDING" | "PUBLISH_IN_PROGRESS" => {
            LightVariant::Notice
        }
        "APPROVED" | "COMPLETED" | "SUCCESS" => LightVariant::Positive,
        "REJECTED" | "FAILED" | "PUBLISH_FAILED" => LightVariant::Negative,
        "PUBLISHED" | "PUBLIC" => LightVariant::Info,
        _ => LightVariant::Neutral,
    }
}

/// A status in the user's language; a status this console does not know is shown as Platform
/// sent it, made readable (`SOMETHING_NEW` → "Something new").
pub fn status_label(status: &str) -> String {
    let key = match status.to_ascii_uppercase().as_str() {
        "APPROVAL_PENDING" => k::APPROVAL_PENDING,
        "APPROVED" => k::APPROVED,
        "CANCELLED" => k::CANCELLED,
        "COMPLETED" => k::COMPLETED,
        "DRAFT" => k::DRAFT,
        "FAILED" => k::FAILED,
        "FAILURE" => k::FAILURE,
        "IN_PROGRESS" => k::IN_PROGRESS,
        "INITIATED" => k::INITIATED,
        "PENDING" => k::PENDING,
        "PRIVATE" => k::PRIVATE,
        "PUBLIC" => k::PUBLIC,
        "PUBLISHED" => k::PUBLISHED,
        "PUBLISH_FAILED" => k::PUBLISH_FAILED,
        "PUBLISH_IN_PROGRESS" => k::PUBLISH_IN_PROGRESS,
        "REJECTED" => k::REJECTED,
        "SUCCESS" => k::SUCCESS,
        _ => return humanize(status),
    };
    t(key)
}

/// A status as people read it: `PUBLISH_FAILED` becomes "Publish failed".
fn humanize(status: &str) -> String {
    let lower = status.replace('_', " ").to_ascii_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// How a transfer came about, in words.
pub fn request_type_label(request_type: &TransferRequestType) -> String {
    match request_type {
        TransferRequestType::Private => t(k::PRIVATE_SHARE),
        TransferRequestType::Public => t(k::PUBLIC_PULL),
        TransferRequestType::Other(raw) => raw.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_follow_the_design_rules() {
        assert_eq!(light_for("IN_PROGRESS"), LightVariant::Notice);
        assert_eq!(light_for("approved"), LightVariant::Positive);
        assert_eq!(light_for("PUBLISH_FAILED"), LightVariant::Negative);
        assert_eq!(light_for("PUBLISHED"), LightVariant::Info);
        assert_eq!(light_for("DRAFT"), LightVariant::Neutral);
        assert_eq!(light_for("SOMETHING_NEW"), LightVariant::Neutral);
    }

    #[test]
    fn humanize_reads_like_prose() {
        assert_eq!(humanize("PUBLISH_FAILED"), "Publish failed");
        assert_eq!(status_label("publish_failed"), "Publish failed");
        assert_eq!(status_label("SOMETHING_NEW"), "Something new");
        assert_eq!(humanize("DRAFT"), "Draft");
        assert_eq!(humanize(""), "");
    }
}
