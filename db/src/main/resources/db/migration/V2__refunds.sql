-- One row per refund: what went back to the customer, how, and by whose hand (the cash drawer needs all three).
CREATE TABLE refunds (
    id             uuid PRIMARY KEY,
    order_id       uuid NOT NULL REFERENCES orders (id),
    staff_id       uuid NOT NULL REFERENCES users (id),
    payment_method text NOT NULL CHECK (payment_method IN ('CARD', 'CASH')),
    amount_cents   bigint NOT NULL CHECK (amount_cents >= 0),
    tickets        int NOT NULL CHECK (tickets > 0),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order ON refunds (order_id);
CREATE INDEX refunds_staff ON refunds (staff_id, created_at);
