-- Vouchers (docs/api.md, "Vouchers"): a code per show that takes a percentage or an amount off each ticket, or
-- unlocks hidden tiers.
CREATE TABLE vouchers (
    id          bigserial PRIMARY KEY,
    show_id     bigint NOT NULL REFERENCES shows (id),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    kind        text NOT NULL CHECK (kind IN ('PERCENT', 'AMOUNT', 'UNLOCK')),
    value       int CHECK ((kind = 'PERCENT' AND value BETWEEN 1 AND 100)
                           OR (kind = 'AMOUNT' AND value > 0) OR (kind = 'UNLOCK' AND value IS NULL)),
    tier_ids    bigint[],
    max_uses    int NOT NULL CHECK (max_uses BETWEEN 1 AND 100000),
    valid_from  timestamptz,
    valid_until timestamptz,
    disabled    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
);
-- Codes are unique per show whatever their case.
CREATE UNIQUE INDEX vouchers_show_code ON vouchers (show_id, lower(code));

-- One row per use a voucher may give, made with the voucher: a use is taken by a hold or a sale claiming a free
-- row (FOR UPDATE SKIP LOCKED, so claims never wait on each other or on any other lock, and never deadlock) and
-- given back by a hold that ends unsold; a checkout adds its order to the hold's. So uses never pass max_uses,
-- however many claim at once. A claim names its hold or order before writing it (checked at commit).
CREATE TABLE voucher_uses (
    voucher_id bigint NOT NULL REFERENCES vouchers (id),
    slot       int NOT NULL,
    hold_id    uuid REFERENCES holds (id) DEFERRABLE INITIALLY DEFERRED,
    order_id   uuid REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (voucher_id, slot)
);
CREATE INDEX voucher_uses_hold ON voucher_uses (hold_id) WHERE hold_id IS NOT NULL;

-- A hidden tier is not listed to fans, and a fan holds it only with an UNLOCK voucher for it.
ALTER TABLE tiers ADD COLUMN hidden boolean NOT NULL DEFAULT false;

-- The voucher a hold or an order redeemed, and the discount it gave.
ALTER TABLE holds ADD COLUMN voucher_id bigint REFERENCES vouchers (id),
                  ADD COLUMN discount_cents bigint NOT NULL DEFAULT 0 CHECK (discount_cents >= 0);
ALTER TABLE orders ADD COLUMN voucher_id bigint REFERENCES vouchers (id),
                   ADD COLUMN voucher_code text,
                   ADD COLUMN discount_cents bigint NOT NULL DEFAULT 0 CHECK (discount_cents >= 0);
CREATE INDEX orders_voucher ON orders (voucher_id) WHERE voucher_id IS NOT NULL;
