-- Exchanges (docs/api.md, "Exchanges"): the tickets given back become EXCHANGED (no longer live, never scannable)
-- and a new order takes their value as credit. A live ticket is VALID or CHECKED_IN.
ALTER TABLE tickets DROP CONSTRAINT tickets_status_check,
    ADD CONSTRAINT tickets_status_check CHECK (status IN ('VALID', 'REFUNDED', 'CHECKED_IN', 'EXCHANGED')),
    ADD COLUMN exchanged_at timestamptz;

DROP INDEX tickets_tier;
CREATE INDEX tickets_tier ON tickets (tier_id) WHERE status IN ('VALID', 'CHECKED_IN');
-- A seat carries at most one live ticket per show: the last guard against selling it twice.
DROP INDEX tickets_one_live_per_seat;
CREATE UNIQUE INDEX tickets_one_live_per_seat ON tickets (show_id, seat_id)
    WHERE seat_id IS NOT NULL AND status IN ('VALID', 'CHECKED_IN');

-- An exchange's new order: the order it came from, the value of the tickets given back (credit), and what was paid
-- back when the new tickets cost less. Its total_cents is what was charged: total - refunded = tickets - credit.
ALTER TABLE orders ADD COLUMN exchanged_from_order_id uuid REFERENCES orders (id),
                   ADD COLUMN credit_cents bigint NOT NULL DEFAULT 0 CHECK (credit_cents >= 0),
                   ADD COLUMN refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0);
