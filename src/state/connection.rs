//! Connection profiles: which API the console talks to, as whom, and in which sandbox.

use serde::{Deserialize, Serialize};

use crate::i18n::catalog::Text;
use crate::i18n::keys::connection as k;
use crate::i18n::tf;

/// Base path of the API on `exim-server` (and through Trunk's proxy in development).
pub const LOCAL_BASE_URL: &str = "/data/foundation";
/// Base URL of Adobe Experience Platform.
pub const PLATFORM_BASE_URL: &str = "https://platform.adobe.io/data/foundation";
/// The API key `exim-server` accepts.
pub const LOCAL_API_KEY: &str = "sandbox-share-local";
/// Profile id of the "Adobe Experience Platform" profile; demo profiles use their token's name.
pub const PLATFORM_PROFILE_ID: &str = "platform";

/// What a demo user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoRole {
    Admin,
    /// Read only.
    Viewer,
    /// Manages and shares packages, but may not create journeys (nor what needs them): the
    /// import preflight blocks those.
    NoJourneys,
}

/// A user of the local demo directory (`exim-server --demo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoProfile {
    pub token: &'static str,
    pub role: DemoRole,
    pub org_name: &'static str,
    pub org_id: &'static str,
    pub sandbox: &'static str,
}

/// One profile per demo user; the first is the default connection.
pub const DEMO_PROFILES: &[DemoProfile] = &[
    DemoProfile {
        token: "demo-acme-admin",
        role: DemoRole::Admin,
        org_name: "Acme Retail",
        org_id: "5C1328435BF324E90A49402A@AdobeOrg",
        sandbox: "acme-sandbox",
    },
    DemoProfile {
        token: "demo-acme-viewer",
        role: DemoRole::Viewer,
        org_name: "Acme Retail",
        org_id: "5C1328435BF324E90A49402A@AdobeOrg",
        sandbox: "acme-sandbox",
    },
    DemoProfile {
        token: "demo-acme-importer",
        role: DemoRole::NoJourneys,
        org_name: "Acme Retail",
        org_id: "5C1328435BF324E90A49402A@AdobeOrg",
        sandbox: "acme-sandbox",
    },
    DemoProfile {
        token: "demo-globex-admin",
        role: DemoRole::Admin,
        org_name: "Globex Corp",
        org_id: "745F37C35E4B776E0A49421B@AdobeOrg",
        sandbox: "prod",
    },
    DemoProfile {
        token: "demo-initech-admin",
        role: DemoRole::Admin,
        org_name: "Initech",
        org_id: "2E63197465A811E70A494213@AdobeOrg",
        sandbox: "prod",
    },
    DemoProfile {
        token: "demo-umbrella-admin",
        role: DemoRole::Admin,
        org_name: "Umbrella Group",
        org_id: "C0FA10B6661FDE6F0A494023@AdobeOrg",
        sandbox: "prod",
    },
];

/// Everything needed to call the API. Held in memory; persisted to sessionStorage, or to
/// localStorage only when `remember` is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub profile_id: String,
    pub base_url: String,
    pub api_key: String,
    pub org_id: String,
    /// Display name of the org; empty for a real Platform, where only the ID is known.
    pub org_name: String,
    pub sandbox: String,
    pub access_token: String,
    pub remember: bool,
}

impl DemoProfile {
    /// "Acme Retail — admin", in the user's language (the org's name as it is).
    pub fn label(&self) -> String {
        let key = match self.role {
            DemoRole::Admin => k::DEMO_ADMIN,
            DemoRole::Viewer => k::DEMO_VIEWER,
            DemoRole::NoJourneys => k::DEMO_NO_JOURNEYS,
        };
        tf(key, &[("org", self.org_name)])
    }
}

impl Connection {
    /// Whether `other` signs in as the same user of the same organization (the sandbox may
    /// differ).
    pub fn same_identity(&self, other: &Connection) -> bool {
        self.profile_id == other.profile_id
            && self.org_id == other.org_id
            && self.access_token == other.access_token
            && self.base_url == other.base_url
    }

    /// A connection to the local server as one of the demo users.
    pub fn demo(profile: &DemoProfile) -> Self {
        Connection {
            profile_id: profile.token.to_string(),
            base_url: LOCAL_BASE_URL.to_string(),
            api_key: LOCAL_API_KEY.to_string(),
            org_id: profile.org_id.to_string(),
            org_name: profile.org_name.to_string(),
            sandbox: profile.sandbox.to_string(),
            access_token: profile.token.to_string(),
            remember: false,
        }
    }

    /// An empty connection to Adobe Experience Platform, for the user to fill in.
    pub fn platform() -> Self {
        Connection {
            profile_id: PLATFORM_PROFILE_ID.to_string(),
            base_url: PLATFORM_BASE_URL.to_string(),
            api_key: String::new(),
            org_id: String::new(),
            org_name: String::new(),
            sandbox: "prod".to_string(),
            access_token: String::new(),
            remember: false,
        }
    }

    pub fn is_platform(&self) -> bool {
        self.profile_id == PLATFORM_PROFILE_ID
    }

    /// The org as the header shows it: its name when known, else its ID.
    pub fn org_label(&self) -> &str {
        if self.org_name.is_empty() {
            &self.org_id
        } else {
            &self.org_name
        }
    }

    /// Problems that would make every call fail, one per field, in form order.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let base = self.base_url.trim();
        if !(base.starts_with("https://") || base.starts_with("http://") || base.starts_with('/')) {
            errors.push(FieldError::new(Field::BaseUrl, k::BASE_URL_INVALID));
        }
        if self.api_key.trim().is_empty() {
            errors.push(FieldError::new(Field::ApiKey, k::API_KEY_MISSING));
        }
        if !is_org_id(self.org_id.trim()) {
            errors.push(FieldError::new(Field::OrgId, k::ORG_ID_INVALID));
        }
        if self.sandbox.trim().is_empty() {
            errors.push(FieldError::new(Field::Sandbox, k::SANDBOX_MISSING));
        }
        if self.access_token.trim().is_empty() {
            errors.push(FieldError::new(Field::AccessToken, k::ACCESS_TOKEN_MISSING));
        }
        errors
    }
}

impl Default for Connection {
    fn default() -> Self {
        Connection::demo(&DEMO_PROFILES[0])
    }
}

/// `^[0-9A-F]{24}@AdobeOrg$`, as Platform writes org IDs.
pub fn is_org_id(candidate: &str) -> bool {
    match candidate.strip_suffix("@AdobeOrg") {
        Some(hex) => hex.len() == 24 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F')),
        None => false,
    }
}

/// The fields of the Platform connection form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    BaseUrl,
    ApiKey,
    OrgId,
    Sandbox,
    AccessToken,
}

/// A problem with one field; its message is read when shown, in the language then in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: Text,
}

impl FieldError {
    fn new(field: Field, message: Text) -> Self {
        FieldError { field, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_is_the_user_and_org_not_the_sandbox() {
        let acme = Connection::default();
        let mut other_sandbox = acme.clone();
        other_sandbox.sandbox = "prod".into();
        assert!(acme.same_identity(&other_sandbox));
        let globex = Connection::demo(&DEMO_PROFILES[2]);
        assert!(!acme.same_identity(&globex));
    }

    #[test]
    fn every_demo_profile_is_a_valid_connection() {
        for profile in DEMO_PROFILES {
            assert_eq!(
                Connection::demo(profile).validate(),
                vec![],
                "{}",
                profile.label()
            );
        }
    }

    #[test]
    fn an_empty_platform_connection_names_each_missing_field() {
        let fields: Vec<Field> = Connection::platform()
            .validate()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![Field::ApiKey, Field::OrgId, Field::AccessToken]
        );
    }

    #[test]
    fn org_ids_must_be_upper_case_hex_with_the_suffix() {
        assert!(is_org_id("5C1328435BF324E90A49402A@AdobeOrg"));
        assert!(!is_org_id("5c1328435bf324e90a49402a@AdobeOrg"));
        assert!(!is_org_id("5C1328435BF324E90A49402A"));
        assert!(!is_org_id("5C1328435BF324E90A4940@AdobeOrg"));
    }

    #[test]
    fn org_label_falls_back_to_the_id() {
        let mut connection = Connection::platform();
        connection.org_id = "745F37C35E4B776E0A49421B@AdobeOrg".into();
        assert_eq!(connection.org_label(), "745F37C35E4B776E0A49421B@AdobeOrg");
        assert_eq!(Connection::default().org_label(), "Acme Retail");
    }

    #[test]
    fn demo_labels_name_the_org_and_the_role() {
        assert_eq!(DEMO_PROFILES[0].label(), "Acme Retail — admin");
        assert_eq!(DEMO_PROFILES[1].label(), "Acme Retail — viewer (read only)");
    }
}
