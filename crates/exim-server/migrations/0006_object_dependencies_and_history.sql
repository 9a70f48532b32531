-- Package authoring (local extensions, README "exim-server's local extensions"): which
-- objects of a sandbox depend on which, the details of each change in a package's history,
-- and why an EXPORT job failed.

-- An object of a sandbox depending on another of the same sandbox (a journey on its
-- audience, an audience on its schema): dependent objects answer with these, as a tree.
-- Types are upper case, as artifact types are stored.
CREATE TABLE object_dependencies (
    ims_org_id      TEXT NOT NULL,
    sandbox_name    TEXT NOT NULL,
    object_type     TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    depends_on_type TEXT NOT NULL,
    depends_on_id   TEXT NOT NULL,
    PRIMARY KEY (ims_org_id, sandbox_name, object_type, object_id, depends_on_type,
                 depends_on_id),
    FOREIGN KEY (ims_org_id, sandbox_name) REFERENCES sandboxes (ims_org_id, name)
) WITHOUT ROWID;

-- What a change did, as JSON: the artifacts added or removed, the new name, the new
-- visibility, the EXPORT job, a failure's message. NULL on rows written before this.
ALTER TABLE package_versions ADD COLUMN details TEXT;

-- Why a FAILED job failed (`errorMessage`), and for an EXPORT job the JSON array of the
-- artifacts its sandbox did not have (`completedTasks`).
ALTER TABLE jobs ADD COLUMN error_message TEXT;
ALTER TABLE jobs ADD COLUMN missing_artifacts TEXT;
