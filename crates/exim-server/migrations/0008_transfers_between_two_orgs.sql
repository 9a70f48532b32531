-- Partner pages list the transfers between the caller's org and one other: `targetIMSOrgId==`
-- or `sourceIMSOrgId==` with the caller as the other party. With both orgs on each party row,
-- such a list is one index range in list order, and its totals (also per status) are counted
-- in the index, never reading `transfers`.
ALTER TABLE transfer_parties ADD COLUMN source_org TEXT NOT NULL DEFAULT '';
ALTER TABLE transfer_parties ADD COLUMN target_org TEXT NOT NULL DEFAULT '';
UPDATE transfer_parties
SET source_org = (SELECT t.source_org FROM transfers t WHERE t.id = transfer_parties.transfer_id),
    target_org = (SELECT t.target_org FROM transfers t WHERE t.id = transfer_parties.transfer_id);
CREATE INDEX transfer_parties_by_target
    ON transfer_parties (org_id, target_org, created_date, status);
CREATE INDEX transfer_parties_by_source
    ON transfer_parties (org_id, source_org, created_date, status);

DROP TRIGGER transfers_parties_on_insert;
CREATE TRIGGER transfers_parties_on_insert AFTER INSERT ON transfers
BEGIN
    INSERT INTO transfer_parties (org_id, created_date, transfer_id, status, request_type,
                                  package_name, source_org, target_org)
    VALUES (NEW.source_org, NEW.created_date, NEW.id, NEW.status, NEW.request_type,
            NEW.package_name, NEW.source_org, NEW.target_org);
    INSERT INTO transfer_parties (org_id, created_date, transfer_id, status, request_type,
                                  package_name, source_org, target_org)
    SELECT NEW.target_org, NEW.created_date, NEW.id, NEW.status, NEW.request_type,
           NEW.package_name, NEW.source_org, NEW.target_org
    WHERE NEW.target_org <> NEW.source_org;
    INSERT OR IGNORE INTO transfer_package_names VALUES (NEW.package_name);
END;
