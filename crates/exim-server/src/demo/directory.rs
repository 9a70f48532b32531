//! The demo organizations with their sandboxes and users, and who acts for each org in the
//! demo's history.

use exim_api::{SandboxState, SandboxType};
use rusqlite::Connection;

use super::dates::{BASE_MS, DAY_MS};
use super::ids::{hex_id, uuid};
use crate::db::directory::{insert_org, insert_sandbox, insert_user};
use crate::directory::permissions::{
    self, DATASET_RESOURCE, MANAGE_PACKAGE, PACKAGE_SHARE, POLICY_RESOURCE,
    PROFILE_CONFIG_RESOURCE, SANDBOX_RESOURCE, SCHEMA_RESOURCE, SEGMENT_RESOURCE, VIEW_SANDBOX,
};
use crate::directory::{Org, Sandbox, User};

pub const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
pub const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
pub const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
pub const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";

pub struct DemoOrg {
    pub ims_org_id: &'static str,
    pub name: &'static str,
    pub region: &'static str,
    /// `(name, title)`; the first is the default production sandbox.
    pub sandboxes: &'static [(&'static str, &'static str)],
}

pub const ORGS: &[DemoOrg] = &[
    DemoOrg {
        ims_org_id: ACME,
        name: "Acme Retail",
        region: "va7",
        sandboxes: &[
            ("prod", "Production"),
            ("acme-sandbox", "Acme Sandbox"),
            ("acme-dev", "Acme Development"),
        ],
    },
    DemoOrg {
        ims_org_id: GLOBEX,
        name: "Globex Corp",
        region: "va6",
        sandboxes: &[("prod", "Production"), ("globex-stage", "Globex Staging")],
    },
    DemoOrg {
        ims_org_id: INITECH,
        name: "Initech",
        region: "nld2",
        sandboxes: &[("prod", "Production")],
    },
    DemoOrg {
        ims_org_id: UMBRELLA,
        name: "Umbrella Group",
        region: "va7",
        sandboxes: &[("prod", "Production")],
    },
];

pub struct DemoUser {
    pub token: &'static str,
    pub id: &'static str,
    pub ims_org_id: &'static str,
    pub display_name: &'static str,
    pub permissions: &'static [&'static str],
}

pub const USERS: &[DemoUser] = &[
    DemoUser {
        token: "demo-acme-admin",
        id: "acme-admin@AdobeID",
        ims_org_id: ACME,
        display_name: "Avery Acme (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-acme-viewer",
        id: "acme-viewer@AdobeID",
        ims_org_id: ACME,
        display_name: "Vic Acme (viewer)",
        permissions: &[VIEW_SANDBOX],
    },
    // Manages and shares packages but may not create journeys (nor what needs them): imports
    // of journeys are blocked for them.
    DemoUser {
        token: "demo-acme-importer",
        id: "acme-importer@AdobeID",
        ims_org_id: ACME,
        display_name: "Ike Acme (no journeys)",
        permissions: &[
            MANAGE_PACKAGE,
            PACKAGE_SHARE,
            VIEW_SANDBOX,
            SANDBOX_RESOURCE,
            SCHEMA_RESOURCE,
            PROFILE_CONFIG_RESOURCE,
            SEGMENT_RESOURCE,
            DATASET_RESOURCE,
            POLICY_RESOURCE,
        ],
    },
    DemoUser {
        token: "demo-globex-admin",
        id: "globex-admin@AdobeID",
        ims_org_id: GLOBEX,
        display_name: "Gale Globex (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-initech-admin",
        id: "initech-admin@AdobeID",
        ims_org_id: INITECH,
        display_name: "Ida Initech (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-umbrella-admin",
        id: "umbrella-admin@AdobeID",
        ims_org_id: UMBRELLA,
        display_name: "Uma Umbrella (admin)",
        permissions: permissions::ALL,
    },
];

/// Inserts the demo orgs with their sandboxes, and the demo users with their tokens.
pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    for org in ORGS {
        insert_org(conn, &demo_org(org))?;
        for (index, &(name, title)) in org.sandboxes.iter().enumerate() {
            insert_sandbox(conn, &demo_sandbox(org, index, name, title))?;
        }
    }
    for user in USERS {
        insert_user(conn, &demo_user(user), user.token)?;
    }
    Ok(())
}

fn demo_org(org: &DemoOrg) -> Org {
    Org {
        ims_org_id: org.ims_org_id.into(),
        name: org.name.into(),
        region: org.region.into(),
        tenant_id: hex_id(&format!("tenant/{}", org.ims_org_id)),
    }
}

fn demo_sandbox(org: &DemoOrg, index: usize, name: &str, title: &str) -> Sandbox {
    let production = index == 0;
    // Production exists from the start; the others were added a few weeks apart.
    let created_date = BASE_MS - 400 * DAY_MS + index as i64 * 30 * DAY_MS;
    Sandbox {
        id: uuid(&format!("sandbox/{}/{name}", org.ims_org_id)),
        ims_org_id: org.ims_org_id.into(),
        name: name.into(),
        title: title.into(),
        sandbox_type: if production {
            SandboxType::Production
        } else {
            SandboxType::Development
        },
        is_default: production,
        state: SandboxState::Active,
        created_date,
        modified_date: created_date,
        created_by: admin_of(org.ims_org_id).into(),
        modified_by: admin_of(org.ims_org_id).into(),
    }
}

fn demo_user(user: &DemoUser) -> User {
    User {
        id: user.id.into(),
        ims_org_id: user.ims_org_id.into(),
        display_name: user.display_name.into(),
        permissions: user.permissions.iter().map(|&p| p.into()).collect(),
    }
}

pub fn admin_of(ims_org_id: &str) -> &'static str {
    user_of(ims_org_id).id
}

/// The admin of a demo org, who acts for it in the demo's history.
pub fn user_of(ims_org_id: &str) -> &'static DemoUser {
    USERS
        .iter()
        .find(|user| user.ims_org_id == ims_org_id && user.permissions == permissions::ALL)
        .unwrap_or(&USERS[0])
}

pub fn region_of(ims_org_id: &str) -> &'static str {
    ORGS.iter()
        .find(|org| org.ims_org_id == ims_org_id)
        .map_or("va7", |org| org.region)
}
