-- Every booking updates its tier's counters and its show's version, and every idempotent request updates its key
-- once. Room left on each page lets PostgreSQL write those new row versions beside the old ones (HOT updates):
-- no index entry per update, and the dead versions are pruned by the next reader instead of waiting for vacuum.
ALTER TABLE tiers SET (fillfactor = 50);
ALTER TABLE shows SET (fillfactor = 50);
ALTER TABLE idempotency_keys SET (fillfactor = 80);
