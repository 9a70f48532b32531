-- Local extension: a share made again after it failed names the failed transfer it retries.
-- A failed transfer is retried at most once, so a second request for the same retry (a double
-- click, a resent request) cannot start a second transfer.
ALTER TABLE transfers ADD COLUMN retry_of TEXT REFERENCES transfers (id);
CREATE UNIQUE INDEX transfers_by_retry_of ON transfers (retry_of) WHERE retry_of IS NOT NULL;
