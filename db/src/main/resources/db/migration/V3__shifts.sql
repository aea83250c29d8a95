-- Cash drawer shifts. A staff member opens a shift with a float, takes sales and gives refunds on it, and closes
-- it with the cash counted; the Z-report figures are frozen on the row at close, so a later change elsewhere can
-- never rewrite a closed drawer's history.
CREATE TABLE shifts (
    id                  uuid PRIMARY KEY,
    staff_id            uuid NOT NULL REFERENCES users (id),
    opened_at           timestamptz NOT NULL DEFAULT now(),
    closed_at           timestamptz,
    opening_float_cents bigint NOT NULL CHECK (opening_float_cents >= 0),
    -- Set together at close, null while the shift is open.
    counted_cash_cents  bigint CHECK (counted_cash_cents >= 0),
    cash_sales_cents    bigint CHECK (cash_sales_cents >= 0),
    card_sales_cents    bigint CHECK (card_sales_cents >= 0),
    cash_refunds_cents  bigint CHECK (cash_refunds_cents >= 0),
    card_refunds_cents  bigint CHECK (card_refunds_cents >= 0),
    expected_cash_cents bigint,
    tickets_sold        int CHECK (tickets_sold >= 0),
    tickets_refunded    int CHECK (tickets_refunded >= 0),
    CONSTRAINT shifts_closed_after_opened CHECK (closed_at >= opened_at),
    CONSTRAINT shifts_closed_has_figures CHECK ((closed_at IS NULL) = (counted_cash_cents IS NULL)
        AND (closed_at IS NULL) = (cash_sales_cents IS NULL) AND (closed_at IS NULL) = (card_sales_cents IS NULL)
        AND (closed_at IS NULL) = (cash_refunds_cents IS NULL) AND (closed_at IS NULL) = (card_refunds_cents IS NULL)
        AND (closed_at IS NULL) = (expected_cash_cents IS NULL) AND (closed_at IS NULL) = (tickets_sold IS NULL)
        AND (closed_at IS NULL) = (tickets_refunded IS NULL)),
    CONSTRAINT shifts_expected_cash CHECK (
        expected_cash_cents = opening_float_cents + cash_sales_cents - cash_refunds_cents)
);
-- One open drawer per staff member; also the index behind "the caller's open shift".
CREATE UNIQUE INDEX shifts_one_open_per_staff ON shifts (staff_id) WHERE closed_at IS NULL;

-- The shift of the staff member who took the sale or gave the refund; null online, and for card taken by staff
-- with no drawer open.
ALTER TABLE orders ADD COLUMN shift_id uuid REFERENCES shifts (id);
ALTER TABLE refunds ADD COLUMN shift_id uuid REFERENCES shifts (id);
CREATE INDEX orders_shift ON orders (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX refunds_shift ON refunds (shift_id) WHERE shift_id IS NOT NULL;

-- The audit list reads newest first by time, for everything or one show; these replace the id-ordered index.
DROP INDEX audit_log_show;
CREATE INDEX audit_log_show_at ON audit_log (show_id, at DESC, id DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
