-- Every sale appends an audit row and an idempotency key with its stored answer, so autovacuum analyzes both tables
-- again each time they have grown by a tenth, while the bookings run: on two cores, a burst of CPU the bookings wait
-- for. Most of the audit log's analysis went to statistics for its JSON details, and no query filters, joins or sorts
-- on these columns: they are only read back with their rows. The columns that queries do use keep their statistics.
-- One ANALYZE of 300,000 sales' rows (bench/analyze-cost): the audit log 94-107 ms instead of 356-366 ms, the keys
-- 189-215 ms instead of 250-271 ms.
ALTER TABLE audit_log
    ALTER COLUMN details SET STATISTICS 0,
    ALTER COLUMN actor SET STATISTICS 0,
    ALTER COLUMN action SET STATISTICS 0;
ALTER TABLE idempotency_keys
    ALTER COLUMN response_body SET STATISTICS 0,
    ALTER COLUMN request_hash SET STATISTICS 0;
