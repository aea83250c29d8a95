-- Marquee booking schema. The database is the last line of defence: every counter is checked here, and a seat
-- can carry at most one live ticket, so no code path can oversell even if it were wrong.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL,
    password_hash text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('FAN', 'CLERK', 'ADMIN')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Failed sign-ins per email, whether or not the email belongs to anyone, so throttling tells nothing about
-- which accounts exist.
CREATE TABLE login_failures (
    email        text PRIMARY KEY,
    failures     int NOT NULL CHECK (failures >= 0),
    last_failure timestamptz NOT NULL
);

CREATE TABLE venues (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    capacity   int NOT NULL CHECK (capacity >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venue_seats (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue_id bigint NOT NULL REFERENCES venues (id),
    section  text NOT NULL,
    row_no   int NOT NULL CHECK (row_no >= 1),
    seat_no  int NOT NULL CHECK (seat_no >= 1),
    label    text NOT NULL,
    UNIQUE (venue_id, section, row_no, seat_no)
);

CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shows (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events (id),
    venue_id     bigint NOT NULL REFERENCES venues (id),
    starts_at    timestamptz NOT NULL,
    seating_mode text NOT NULL CHECK (seating_mode IN ('GA', 'SEATED')),
    on_sale      boolean NOT NULL,
    -- Bumped by the last statement of every transaction that changes this show's inventory.
    version      bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shows_event ON shows (event_id);
CREATE INDEX shows_starts_at ON shows (starts_at);

-- available = capacity - held - sold is derived, never stored.
CREATE TABLE tiers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    show_id     bigint NOT NULL REFERENCES shows (id),
    name        text NOT NULL,
    price_cents int NOT NULL CHECK (price_cents >= 0),
    capacity    int NOT NULL CHECK (capacity >= 0),
    held        int NOT NULL DEFAULT 0 CHECK (held >= 0),
    sold        int NOT NULL DEFAULT 0 CHECK (sold >= 0),
    CONSTRAINT tiers_no_oversell CHECK (held + sold <= capacity)
) WITH (fillfactor = 70);
CREATE INDEX tiers_show ON tiers (show_id);

-- The per-show state of each seat of a seated show's venue.
CREATE TABLE show_seats (
    show_id        bigint NOT NULL REFERENCES shows (id),
    seat_id        bigint NOT NULL REFERENCES venue_seats (id),
    tier_id        bigint REFERENCES tiers (id),
    status         text NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD', 'BLOCKED')),
    hold_id        uuid,
    blocked_reason text,
    PRIMARY KEY (show_id, seat_id),
    CONSTRAINT show_seats_held_has_hold CHECK ((status = 'HELD') = (hold_id IS NOT NULL)),
    CONSTRAINT show_seats_sold_has_tier CHECK (status NOT IN ('HELD', 'SOLD') OR tier_id IS NOT NULL)
) WITH (fillfactor = 70);
CREATE INDEX show_seats_tier ON show_seats (tier_id, status);
CREATE INDEX show_seats_hold ON show_seats (hold_id) WHERE hold_id IS NOT NULL;

CREATE TABLE holds (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id),
    show_id     bigint NOT NULL REFERENCES shows (id),
    status      text NOT NULL CHECK (status IN ('ACTIVE', 'CHECKED_OUT', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz NOT NULL,
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz
);
CREATE INDEX holds_active_expiry ON holds (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE hold_items (
    hold_id          uuid NOT NULL REFERENCES holds (id),
    tier_id          bigint NOT NULL REFERENCES tiers (id),
    quantity         int NOT NULL CHECK (quantity > 0),
    unit_price_cents int NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (hold_id, tier_id)
);

CREATE TABLE hold_seats (
    hold_id uuid NOT NULL REFERENCES holds (id),
    show_id bigint NOT NULL,
    seat_id bigint NOT NULL,
    tier_id bigint NOT NULL REFERENCES tiers (id),
    PRIMARY KEY (hold_id, seat_id),
    FOREIGN KEY (show_id, seat_id) REFERENCES show_seats (show_id, seat_id)
);

CREATE TABLE orders (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid NOT NULL REFERENCES users (id),
    show_id          bigint NOT NULL REFERENCES shows (id),
    hold_id          uuid UNIQUE REFERENCES holds (id),
    channel          text NOT NULL CHECK (channel IN ('ONLINE', 'BOX_OFFICE')),
    status           text NOT NULL CHECK (status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    customer_name    text NOT NULL,
    payment_method   text NOT NULL CHECK (payment_method IN ('CARD', 'CASH')),
    total_cents      bigint NOT NULL CHECK (total_cents >= 0),
    tendered_cents   bigint,
    change_due_cents bigint CHECK (change_due_cents >= 0),
    card_last4       text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_show ON orders (show_id);

CREATE TABLE tickets (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id      uuid NOT NULL REFERENCES orders (id),
    show_id       bigint NOT NULL REFERENCES shows (id),
    tier_id       bigint NOT NULL REFERENCES tiers (id),
    seat_id       bigint,
    seat_label    text,
    code          text NOT NULL UNIQUE,
    price_cents   int NOT NULL CHECK (price_cents >= 0),
    status        text NOT NULL CHECK (status IN ('VALID', 'REFUNDED', 'CHECKED_IN')),
    checked_in_at timestamptz,
    refunded_at   timestamptz
);
CREATE INDEX tickets_order ON tickets (order_id);
CREATE INDEX tickets_tier ON tickets (tier_id) WHERE status <> 'REFUNDED';
-- A seat carries at most one live ticket per show: the last guard against selling it twice.
CREATE UNIQUE INDEX tickets_one_live_per_seat ON tickets (show_id, seat_id)
    WHERE seat_id IS NOT NULL AND status <> 'REFUNDED';

-- Stripe-style idempotency: one row per caller and key; the stored answer is replayed.
CREATE TABLE idempotency_keys (
    user_id         uuid NOT NULL REFERENCES users (id),
    idem_key        text NOT NULL,
    request_hash    bytea NOT NULL,
    state           text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
    response_status int,
    response_body   text,
    locked_at       timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE audit_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL,
    action   text NOT NULL,
    show_id  bigint,
    details  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_show ON audit_log (show_id, id DESC);
