-- What imports need: the objects living in each sandbox, what each IMPORT job did with each
-- object, the permissions to create each kind of object, and where a received package came
-- from (local extensions, README "exim-server's local extensions").

-- The objects of each sandbox (journeys, audiences, schemas, …). Import conflicts are looked
-- up per (org, sandbox, type), and an import reuses an object of the same type and title.
CREATE TABLE sandbox_objects (
    ims_org_id     TEXT NOT NULL REFERENCES orgs (ims_org_id),
    sandbox_name   TEXT NOT NULL,
    artifact_type  TEXT NOT NULL,
    object_id      TEXT NOT NULL,
    title          TEXT NOT NULL,
    created        INTEGER NOT NULL,
    created_by     TEXT NOT NULL,
    -- The IMPORT job that made it; NULL for objects that were there before.
    created_by_job TEXT,
    PRIMARY KEY (ims_org_id, sandbox_name, artifact_type, object_id),
    FOREIGN KEY (ims_org_id, sandbox_name) REFERENCES sandboxes (ims_org_id, name)
) WITHOUT ROWID;
-- The primary key serves look-ups by (org, sandbox, type); this one finds an exact title.
CREATE INDEX sandbox_objects_by_title
    ON sandbox_objects (ims_org_id, sandbox_name, artifact_type, title COLLATE NOCASE);

-- An IMPORT job's choices: JSON object, source artifact id -> {"id", "type"} in the target
-- sandbox. Stored with the job so that a job resumed after a restart uses them.
ALTER TABLE jobs ADD COLUMN alternatives TEXT;

-- What an IMPORT job did with each artifact of its package, written in the step that did it.
CREATE TABLE job_object_results (
    job_id        TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    artifact_id   TEXT NOT NULL,
    artifact_type TEXT NOT NULL,
    title         TEXT,
    outcome       TEXT NOT NULL CHECK (outcome IN ('CREATED', 'REUSED', 'REPLACED', 'FAILED')),
    object_id     TEXT,
    message       TEXT,
    PRIMARY KEY (job_id, position)
) WITHOUT ROWID;

-- The copy a completed transfer made in the target org: the source org, its package and the
-- transfer. NULL for packages made in the org itself.
ALTER TABLE packages ADD COLUMN received_from_org TEXT;
ALTER TABLE packages ADD COLUMN received_from_package TEXT;
ALTER TABLE packages ADD COLUMN received_by_transfer TEXT;
CREATE INDEX packages_by_origin ON packages (ims_org_id, received_from_org);

UPDATE packages
SET received_from_org = t.source_org, received_from_package = t.package_id,
    received_by_transfer = t.id
FROM transfers t
WHERE t.copied_package_id = packages.id;

-- Creating objects needs Access Control resources (artifact_model::required_resources),
-- held as `resource:<Resource>`. Before this, whoever could manage packages could create
-- every object: they keep that.
INSERT OR IGNORE INTO user_permissions (user_id, permission)
SELECT u.user_id, r.permission
FROM user_permissions u,
     (SELECT 'resource:Sandbox' AS permission UNION ALL SELECT 'resource:Schema'
      UNION ALL SELECT 'resource:ProfileConfig' UNION ALL SELECT 'resource:Segment'
      UNION ALL SELECT 'resource:Dataset' UNION ALL SELECT 'resource:Policy'
      UNION ALL SELECT 'resource:Journey') r
WHERE u.permission = 'manage-package';
