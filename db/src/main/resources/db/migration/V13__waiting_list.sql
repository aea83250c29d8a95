-- The waiting list of sold-out shows (docs/api.md, "Waiting list"): one entry per account and show. Tickets that
-- come back to a tier are offered, in the same transaction that returns them, to its waiting entries in order, as a
-- hold of the entry's quantity owned by the entry's account.
CREATE TABLE waitlist_entries (
    id         uuid PRIMARY KEY,
    show_id    bigint NOT NULL REFERENCES shows (id),
    tier_id    bigint NOT NULL REFERENCES tiers (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    quantity   int NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    state      text NOT NULL CHECK (state IN ('WAITING', 'OFFERED', 'FULFILLED', 'EXPIRED', 'LEFT')),
    hold_id    uuid REFERENCES holds (id),
    joined_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    seq        bigserial NOT NULL,
    ended_at   timestamptz
);
CREATE UNIQUE INDEX waitlist_one_per_account ON waitlist_entries (show_id, user_id);
CREATE INDEX waitlist_waiting ON waitlist_entries (tier_id, seq) WHERE state = 'WAITING';
CREATE UNIQUE INDEX waitlist_offer_hold ON waitlist_entries (hold_id) WHERE hold_id IS NOT NULL;
