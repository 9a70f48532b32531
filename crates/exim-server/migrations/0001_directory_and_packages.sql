-- The directory (orgs, users, sandboxes) and packages with their artifacts.
-- Timestamps are epoch milliseconds, as Platform sends them.

CREATE TABLE orgs (
    ims_org_id TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    region     TEXT NOT NULL,
    tenant_id  TEXT NOT NULL UNIQUE
);

CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    token        TEXT NOT NULL UNIQUE,
    ims_org_id   TEXT NOT NULL REFERENCES orgs (ims_org_id),
    display_name TEXT NOT NULL
);
CREATE INDEX users_by_org ON users (ims_org_id);

-- Permission names as in Access Control paths without the prefix, e.g. `manage-package`.
CREATE TABLE user_permissions (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (user_id, permission)
) WITHOUT ROWID;

CREATE TABLE sandboxes (
    id            TEXT PRIMARY KEY,
    ims_org_id    TEXT NOT NULL REFERENCES orgs (ims_org_id),
    name          TEXT NOT NULL,
    title         TEXT NOT NULL,
    sandbox_type  TEXT NOT NULL CHECK (sandbox_type IN ('production', 'development')),
    is_default    INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL DEFAULT 'active',
    created_date  INTEGER NOT NULL,
    modified_date INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    modified_by   TEXT NOT NULL,
    UNIQUE (ims_org_id, name)
);

CREATE TABLE packages (
    id            TEXT PRIMARY KEY,
    ims_org_id    TEXT NOT NULL REFERENCES orgs (ims_org_id),
    sandbox_name  TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    name          TEXT NOT NULL,
    description   TEXT,
    package_type  TEXT NOT NULL,
    status        TEXT NOT NULL,
    -- NULL for packages made before visibility existed; read as PRIVATE.
    visibility    TEXT,
    created_date  INTEGER NOT NULL,
    modified_date INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    modified_by   TEXT NOT NULL,
    expiry        INTEGER,
    publish_date  INTEGER,
    FOREIGN KEY (ims_org_id, sandbox_name) REFERENCES sandboxes (ims_org_id, name)
);
-- Lists are always scoped to one org; these serve its filters and sorts.
CREATE INDEX packages_by_created  ON packages (ims_org_id, created_date);
CREATE INDEX packages_by_modified ON packages (ims_org_id, modified_date);
CREATE INDEX packages_by_name     ON packages (ims_org_id, name COLLATE NOCASE);
CREATE INDEX packages_by_status   ON packages (ims_org_id, status);
CREATE INDEX packages_by_expiry   ON packages (ims_org_id, expiry);
CREATE INDEX packages_by_sandbox  ON packages (ims_org_id, sandbox_name);

CREATE TABLE package_artifacts (
    package_id    TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    artifact_id   TEXT NOT NULL,
    artifact_type TEXT NOT NULL,
    title         TEXT,
    found         INTEGER,
    count         INTEGER,
    PRIMARY KEY (package_id, position)
) WITHOUT ROWID;
