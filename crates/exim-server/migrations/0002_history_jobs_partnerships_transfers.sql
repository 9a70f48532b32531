-- Package history, export/import jobs, partnerships (handshakes) and transfers, with the
-- bookkeeping of the asynchronous worker: `next_step_at` is when a record's next step is due
-- (NULL once it is finished), `step` how many steps it has done.

-- One row per stored version of a package: what changed, when and by whom.
CREATE TABLE package_versions (
    package_id   TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    change       TEXT NOT NULL,
    changed_date INTEGER NOT NULL,
    changed_by   TEXT NOT NULL,
    PRIMARY KEY (package_id, version)
) WITHOUT ROWID;

-- Publishing (EXPORT) and import (IMPORT) jobs. `package_id` has no foreign key: a job's
-- record outlives a deleted package.
CREATE TABLE jobs (
    id                 TEXT PRIMARY KEY,
    ims_org_id         TEXT NOT NULL REFERENCES orgs (ims_org_id),
    package_id         TEXT NOT NULL,
    request_type       TEXT NOT NULL,
    job_type           TEXT NOT NULL,
    job_status         TEXT NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT,
    package_type       TEXT NOT NULL,
    source_sandbox     TEXT NOT NULL,
    target_sandbox     TEXT,
    correlation_id     TEXT NOT NULL,
    -- EXPORT only: the package's lifetime once published.
    expiry_period_days INTEGER,
    created            INTEGER NOT NULL,
    updated            INTEGER NOT NULL,
    created_by         TEXT NOT NULL,
    step               INTEGER NOT NULL DEFAULT 0,
    next_step_at       INTEGER
);
CREATE INDEX jobs_by_created ON jobs (ims_org_id, created);
CREATE INDEX jobs_by_updated ON jobs (ims_org_id, updated);
CREATE INDEX jobs_due ON jobs (next_step_at) WHERE next_step_at IS NOT NULL;

-- Partnership requests from a source org to a target org. `status_history` is the JSON
-- string Platform sends, append-only.
CREATE TABLE handshakes (
    id               TEXT PRIMARY KEY,
    linking_id       TEXT NOT NULL UNIQUE,
    source_org       TEXT NOT NULL REFERENCES orgs (ims_org_id),
    target_org       TEXT NOT NULL REFERENCES orgs (ims_org_id),
    status           TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    created_date     INTEGER NOT NULL,
    modified_date    INTEGER NOT NULL,
    created_by       TEXT NOT NULL,
    created_by_name  TEXT NOT NULL,
    modified_by      TEXT NOT NULL,
    modified_by_name TEXT NOT NULL,
    modified_by_org  TEXT NOT NULL,
    -- Set when the target org answers.
    target_region    TEXT,
    status_history   TEXT NOT NULL
);
CREATE INDEX handshakes_outgoing ON handshakes (source_org, created_date);
CREATE INDEX handshakes_incoming ON handshakes (target_org, created_date);
CREATE INDEX handshakes_by_pair ON handshakes (source_org, target_org, status);

-- Transfers of a package from its owner (source) to another org (target): PRIVATE pushes
-- and PUBLIC pulls. Org and package names are copied in: a transfer keeps the name it was
-- made with, and lists sort and search on them without joins.
CREATE TABLE transfers (
    id                  TEXT PRIMARY KEY,
    request_type        TEXT NOT NULL,
    source_org          TEXT NOT NULL REFERENCES orgs (ims_org_id),
    source_org_name     TEXT NOT NULL,
    target_org          TEXT NOT NULL REFERENCES orgs (ims_org_id),
    target_org_name     TEXT NOT NULL,
    package_id          TEXT NOT NULL,
    package_name        TEXT NOT NULL,
    status              TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 0,
    created_date        INTEGER NOT NULL,
    modified_date       INTEGER NOT NULL,
    created_by          TEXT NOT NULL,
    modified_by         TEXT NOT NULL,
    initiated_by        TEXT NOT NULL,
    completed_time      INTEGER,
    pipeline_message_id TEXT,
    -- JSON array of progress messages, and the JSON error details of a failure.
    messages            TEXT NOT NULL DEFAULT '[]',
    additional_metadata TEXT,
    -- The target org's copy, made in the same transaction that completes the transfer.
    copied_package_id   TEXT,
    step                INTEGER NOT NULL DEFAULT 0,
    next_step_at        INTEGER
);
-- A list shows the transfers the org is party to: one index per side, each in list order.
CREATE INDEX transfers_outgoing ON transfers (source_org, created_date);
CREATE INDEX transfers_incoming ON transfers (target_org, created_date);
CREATE INDEX transfers_outgoing_by_status ON transfers (source_org, status, created_date);
CREATE INDEX transfers_incoming_by_status ON transfers (target_org, status, created_date);
CREATE INDEX transfers_by_package ON transfers (package_id, status);
CREATE INDEX transfers_due ON transfers (next_step_at) WHERE next_step_at IS NOT NULL;
