-- The on-sale line (waiting room) and the per-account limit.
--
-- A show's settings live on the show. The line's moving state lives in a row of its own (show_lines), so that the
-- line moving never queues behind the show row that every booking's version bump locks, and the other way round.

ALTER TABLE shows
    ADD COLUMN waiting_room text NOT NULL DEFAULT 'AUTO' CHECK (waiting_room IN ('AUTO', 'ON', 'OFF')),
    ADD COLUMN on_sale_at timestamptz,
    ADD COLUMN max_tickets_per_account int DEFAULT 10
        CHECK (max_tickets_per_account IS NULL OR max_tickets_per_account BETWEEN 1 AND 1000);
CREATE INDEX shows_on_sale_at ON shows (on_sale_at) WHERE on_sale_at IS NOT NULL;

-- One line per show, made on first use. Numbers are handed out from next_number, in order, while this row is
-- locked; now_serving is the highest number admitted so far, so a fan's position is number - now_serving.
CREATE TABLE show_lines (
    show_id         bigint PRIMARY KEY REFERENCES shows (id),
    -- AUTO shows: engaged by demand. ON shows are always engaged and OFF shows never, whatever this says.
    auto_engaged    boolean NOT NULL DEFAULT false,
    next_number     bigint NOT NULL DEFAULT 1 CHECK (next_number >= 1),
    now_serving     bigint NOT NULL DEFAULT 0 CHECK (now_serving >= 0 AND now_serving < next_number),
    -- Places in state WAITING, numbered or not: kept here so reading the line is one row, however long it is.
    waiting         int NOT NULL DEFAULT 0 CHECK (waiting >= 0),
    -- Of those, places taken before the show opened, numbered by the draw when it does.
    awaiting_draw   int NOT NULL DEFAULT 0 CHECK (awaiting_draw >= 0 AND awaiting_draw <= waiting),
    -- The on_sale_at this line last opened the show for, so each scheduled opening happens once.
    opened_for      timestamptz,
    -- Fans a second the next rounds admit (see docs/api.md, the waiting room's pace); 0 until the first round.
    admit_rate      double precision NOT NULL DEFAULT 0 CHECK (admit_rate >= 0),
    admitted_last_minute int NOT NULL DEFAULT 0 CHECK (admitted_last_minute >= 0),
    -- Those waiting were told the show sold out (audited once per selling out).
    sold_out        boolean NOT NULL DEFAULT false,
    -- Since when nobody has waited or held an unused admission (AUTO disengages after a while of it).
    idle_since      timestamptz,
    -- When a server instance last ran this line's round, so several instances do not each admit a round's share.
    last_round_at   timestamptz
);

-- One place per account and show. A place that ended (expired, left) is renewed in the same row, at the back.
CREATE TABLE queue_places (
    show_id        bigint NOT NULL REFERENCES show_lines (show_id),
    user_id        uuid NOT NULL REFERENCES users (id),
    number         bigint,
    state          text NOT NULL CHECK (state IN ('WAITING', 'ADMITTED', 'EXPIRED', 'SOLD_OUT', 'LEFT')),
    joined_at      timestamptz NOT NULL DEFAULT now(),
    admitted_at    timestamptz,
    admitted_until timestamptz,
    -- When the admitted fan first held: an admission in use is not handed to the next fan.
    used_at        timestamptz,
    PRIMARY KEY (show_id, user_id),
    CONSTRAINT queue_places_admitted_has_window CHECK (state <> 'ADMITTED' OR admitted_until IS NOT NULL),
    CONSTRAINT queue_places_drawn_unless_waiting CHECK (number IS NOT NULL OR state IN ('WAITING', 'LEFT'))
);
CREATE UNIQUE INDEX queue_places_number ON queue_places (show_id, number) WHERE number IS NOT NULL;
CREATE INDEX queue_places_waiting ON queue_places (show_id, number) WHERE state = 'WAITING';
CREATE INDEX queue_places_admitted ON queue_places (show_id, admitted_until) WHERE state = 'ADMITTED';
-- Admissions per minute, for the estimated wait.
CREATE INDEX queue_places_admitted_at ON queue_places (show_id, admitted_at) WHERE admitted_at IS NOT NULL;

-- The per-account limit counts an account's active holds and live tickets for one show. The expiry is in the index
-- so that the count's every condition is: with it outside, a holds table that grew fast (an on-sale) was planned as
-- a scan of every active hold by expiry.
CREATE INDEX holds_user_show_active ON holds (user_id, show_id, expires_at) WHERE status = 'ACTIVE';
CREATE INDEX orders_user_show ON orders (user_id, show_id);
