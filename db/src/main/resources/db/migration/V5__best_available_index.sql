-- Best available reads a tier's free seats nearest the stage first, a few at a time, from one index, so a pick costs
-- the same in any hall however full it is. The index needs the row number beside each show seat: a copy of the
-- venue seat's, which cannot go stale because venue seats never change once created.

ALTER TABLE show_seats ADD COLUMN row_no int;

-- Before the index exists, so that where a page has room (the table's fillfactor leaves 30 %) the new row versions
-- are heap-only updates that touch no index.
UPDATE show_seats ss SET row_no = vs.row_no FROM venue_seats vs WHERE vs.id = ss.seat_id;

ALTER TABLE show_seats ALTER COLUMN row_no SET NOT NULL;

-- Filled on every insert (and on any change of the seat), so whatever creates show seats inserts only
-- (show_id, seat_id[, tier_id]) and a hand-written row number is replaced by the venue's.
CREATE FUNCTION show_seats_row_no() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT vs.row_no INTO NEW.row_no FROM venue_seats vs WHERE vs.id = NEW.seat_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER show_seats_row_no BEFORE INSERT OR UPDATE OF seat_id, row_no ON show_seats
    FOR EACH ROW EXECUTE FUNCTION show_seats_row_no();

-- Only free seats, so a sale adds no entry. seat_id makes each entry's place unique: a read goes on exactly where
-- the last one stopped.
CREATE INDEX show_seats_best_available ON show_seats (show_id, tier_id, row_no, seat_id)
    WHERE status = 'AVAILABLE';

-- Only the old best-available queries read by (tier_id, status). Left in place, it competes for the new read: with
-- no statistics both look like one row, and an index whose size is still recorded as empty (the case after
-- migrating a database no vacuum has visited) plus a sort can look cheaper. Dropping it also spares every seat
-- status change one index entry; status stays in an index predicate, so those updates were and stay non-HOT.
DROP INDEX show_seats_tier;
