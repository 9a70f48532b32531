-- Fast transfer lists. An org lists the transfers it is party to, as source or target; one
-- row per party here turns that into a single index range in list order (created_date),
-- with the columns lists filter on most, so that counting and paging never read the
-- transfers themselves. Triggers keep it in step with `transfers`.
CREATE TABLE transfer_parties (
    org_id       TEXT NOT NULL,
    created_date INTEGER NOT NULL,
    transfer_id  TEXT NOT NULL,
    status       TEXT NOT NULL,
    request_type TEXT NOT NULL,
    package_name TEXT NOT NULL,
    PRIMARY KEY (org_id, created_date, transfer_id)
) WITHOUT ROWID;
CREATE INDEX transfer_parties_by_status ON transfer_parties (org_id, status, created_date);
CREATE INDEX transfer_parties_by_package ON transfer_parties (org_id, package_name, created_date);

-- Every package name a transfer was made with: a `packageName~` search matches these few
-- names instead of every transfer's.
CREATE TABLE transfer_package_names (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO transfer_parties
SELECT source_org, created_date, id, status, request_type, package_name FROM transfers;
INSERT INTO transfer_parties
SELECT target_org, created_date, id, status, request_type, package_name FROM transfers
WHERE target_org <> source_org;
INSERT OR IGNORE INTO transfer_package_names SELECT package_name FROM transfers;

CREATE TRIGGER transfers_parties_on_insert AFTER INSERT ON transfers
BEGIN
    INSERT INTO transfer_parties
    VALUES (NEW.source_org, NEW.created_date, NEW.id, NEW.status, NEW.request_type,
            NEW.package_name);
    INSERT INTO transfer_parties
    SELECT NEW.target_org, NEW.created_date, NEW.id, NEW.status, NEW.request_type,
           NEW.package_name
    WHERE NEW.target_org <> NEW.source_org;
    INSERT OR IGNORE INTO transfer_package_names VALUES (NEW.package_name);
END;

CREATE TRIGGER transfers_parties_on_status AFTER UPDATE OF status ON transfers
BEGIN
    UPDATE transfer_parties SET status = NEW.status
    WHERE org_id IN (NEW.source_org, NEW.target_org)
      AND created_date = NEW.created_date AND transfer_id = NEW.id;
END;

-- How many transfers each org is party to, per status and request type: lists filtered on
-- nothing else take their total from here instead of counting rows.
CREATE TABLE transfer_counts (
    org_id       TEXT NOT NULL,
    status       TEXT NOT NULL,
    request_type TEXT NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (org_id, status, request_type)
) WITHOUT ROWID;

INSERT INTO transfer_counts
SELECT org_id, status, request_type, COUNT(*) FROM transfer_parties
GROUP BY org_id, status, request_type;

CREATE TRIGGER transfer_parties_counted AFTER INSERT ON transfer_parties
BEGIN
    INSERT INTO transfer_counts VALUES (NEW.org_id, NEW.status, NEW.request_type, 1)
    ON CONFLICT (org_id, status, request_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER transfer_parties_recounted AFTER UPDATE OF status ON transfer_parties
BEGIN
    UPDATE transfer_counts SET n = n - 1
    WHERE org_id = OLD.org_id AND status = OLD.status AND request_type = OLD.request_type;
    INSERT INTO transfer_counts VALUES (NEW.org_id, NEW.status, NEW.request_type, 1)
    ON CONFLICT (org_id, status, request_type) DO UPDATE SET n = n + 1;
END;

-- The per-side list indexes of 0002 are replaced by the table above.
DROP INDEX transfers_outgoing;
DROP INDEX transfers_incoming;
DROP INDEX transfers_outgoing_by_status;
DROP INDEX transfers_incoming_by_status;
