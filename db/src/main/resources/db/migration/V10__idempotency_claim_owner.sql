-- Which server instance claimed a key still IN_PROGRESS. That instance knows whether it still runs the request: a
-- claim it no longer runs (its release failed while the database was failing over) is taken over by a retry at
-- once instead of after the two minutes a claim of another instance must age first.
ALTER TABLE idempotency_keys ADD COLUMN claimed_by uuid;
