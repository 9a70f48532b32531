-- Fast job lists, as 0003 made transfer lists: every list is one org's, filtered most often
-- by request type or status and sorted by creation; the indexes below end with `id` (the
-- tie-breaker of every order) so that counting and paging read the index only, never the
-- jobs themselves.
DROP INDEX jobs_by_created;
DROP INDEX jobs_by_updated;
CREATE INDEX jobs_by_created ON jobs (ims_org_id, created, id);
CREATE INDEX jobs_by_updated ON jobs (ims_org_id, updated, id);
CREATE INDEX jobs_by_request_type ON jobs (ims_org_id, request_type, created, id);
CREATE INDEX jobs_by_status ON jobs (ims_org_id, job_status, created, id);
CREATE INDEX jobs_by_name ON jobs (ims_org_id, name COLLATE NOCASE, id);
CREATE INDEX jobs_by_exact_name ON jobs (ims_org_id, name, created);

-- Every job name (mostly package names, so few): a `name~` search matches these instead of
-- every job's.
CREATE TABLE job_names (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT OR IGNORE INTO job_names SELECT name FROM jobs;
CREATE TRIGGER jobs_named AFTER INSERT ON jobs
BEGIN
    INSERT OR IGNORE INTO job_names VALUES (NEW.name);
END;

-- How many jobs each org has per request type, status and job type: lists filtered on
-- nothing else take their total from here instead of counting rows.
CREATE TABLE job_counts (
    ims_org_id   TEXT NOT NULL,
    request_type TEXT NOT NULL,
    job_status   TEXT NOT NULL,
    job_type     TEXT NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (ims_org_id, request_type, job_status, job_type)
) WITHOUT ROWID;
INSERT INTO job_counts
SELECT ims_org_id, request_type, job_status, job_type, COUNT(*) FROM jobs
GROUP BY ims_org_id, request_type, job_status, job_type;

CREATE TRIGGER jobs_counted AFTER INSERT ON jobs
BEGIN
    INSERT INTO job_counts VALUES (NEW.ims_org_id, NEW.request_type, NEW.job_status,
                                   NEW.job_type, 1)
    ON CONFLICT (ims_org_id, request_type, job_status, job_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER jobs_recounted AFTER UPDATE OF job_status, job_type, request_type ON jobs
BEGIN
    UPDATE job_counts SET n = n - 1
    WHERE ims_org_id = OLD.ims_org_id AND request_type = OLD.request_type
      AND job_status = OLD.job_status AND job_type = OLD.job_type;
    INSERT INTO job_counts VALUES (NEW.ims_org_id, NEW.request_type, NEW.job_status,
                                   NEW.job_type, 1)
    ON CONFLICT (ims_org_id, request_type, job_status, job_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER jobs_uncounted AFTER DELETE ON jobs
BEGIN
    UPDATE job_counts SET n = n - 1
    WHERE ims_org_id = OLD.ims_org_id AND request_type = OLD.request_type
      AND job_status = OLD.job_status AND job_type = OLD.job_type;
END;
