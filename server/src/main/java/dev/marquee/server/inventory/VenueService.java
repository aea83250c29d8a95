package dev.marquee.server.inventory;

import dev.marquee.model.admin.SectionRequest;
import dev.marquee.model.admin.VenueRequest;
import dev.marquee.model.admin.VenueSeat;
import dev.marquee.model.admin.VenueView;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Venues and their seat maps. A venue never changes once created, so shows can copy its seats safely. */
public final class VenueService {

    static final int MAX_SECTIONS = 50;
    static final int MAX_ROWS = 100;
    static final int MAX_SEATS_PER_ROW = 200;
    static final int MAX_SEATS = 20_000;

    /** A section as validated. */
    private record Section(String name, int rows, int seatsPerRow) {
        int seats() {
            return rows * seatsPerRow;
        }
    }

    private final Transactions transactions;
    private final Audit audit;

    public VenueService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public VenueView create(String actor, VenueRequest request) {
        String name = Validate.text("name", request.name(), 1, 200);
        List<Section> sections = sections(request.sections());
        int capacity = sections.stream().mapToInt(Section::seats).sum();
        if (capacity > MAX_SEATS) {
            throw ApiException.validation("sections", "A venue may have at most " + MAX_SEATS
                    + " seats; these sections add up to " + capacity + ".");
        }
        return transactions.inTransaction(tx -> {
            long venueId = tx.one("INSERT INTO venues (name, capacity) VALUES (?, ?) RETURNING id",
                    row -> row.getLong("id"), name, capacity);
            // One statement for the whole seat map; identities follow the ORDER BY, so ids run section by
            // section, row by row, left to right.
            tx.update("""
                    INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
                    SELECT ?, s.name, r, n, s.name || ' Row ' || r || ' Seat ' || n
                    FROM unnest(?::text[], ?::int[], ?::int[]) WITH ORDINALITY AS s(name, row_count, per_row, ord)
                    CROSS JOIN LATERAL generate_series(1, s.row_count) AS r
                    CROSS JOIN LATERAL generate_series(1, s.per_row) AS n
                    ORDER BY s.ord, r, n""",
                    venueId, tx.texts(sections.stream().map(Section::name).toList()),
                    tx.ints(sections.stream().map(Section::rows).toList()),
                    tx.ints(sections.stream().map(Section::seatsPerRow).toList()));
            audit.record(tx, actor, "VENUE_CREATED", null,
                    Map.of("venueId", venueId, "name", name, "capacity", capacity, "sections", sections.size()));
            return new VenueView(venueId, name, capacity, seatsOf(tx, List.of(venueId)).get(venueId));
        });
    }

    public List<VenueView> list() {
        return transactions.inSnapshot(tx -> {
            record Head(long id, String name, int capacity) {
            }
            List<Head> venues = tx.list("SELECT id, name, capacity FROM venues ORDER BY id",
                    row -> new Head(row.getLong("id"), row.getString("name"), row.getInt("capacity")));
            Map<Long, List<VenueSeat>> seats = seatsOf(tx, venues.stream().map(Head::id).toList());
            return venues.stream()
                    .map(v -> new VenueView(v.id(), v.name(), v.capacity(), seats.getOrDefault(v.id(), List.of())))
                    .toList();
        });
    }

    private static Map<Long, List<VenueSeat>> seatsOf(Tx tx, List<Long> venueIds) {
        Map<Long, List<VenueSeat>> seats = new HashMap<>();
        tx.list("""
                SELECT id, venue_id, section, row_no, seat_no, label FROM venue_seats
                WHERE venue_id = ANY(?) ORDER BY venue_id, id""", row -> {
            seats.computeIfAbsent(row.getLong("venue_id"), id -> new ArrayList<>())
                    .add(new VenueSeat(row.getLong("id"), row.getString("section"), row.getInt("row_no"),
                            row.getInt("seat_no"), row.getString("label")));
            return null;
        }, tx.bigints(venueIds));
        return seats;
    }

    private static List<Section> sections(List<SectionRequest> requests) {
        Validate.present("sections", requests);
        if (requests.isEmpty() || requests.size() > MAX_SECTIONS) {
            throw ApiException.validation("sections", "Field 'sections' must list 1 to " + MAX_SECTIONS + " entries.");
        }
        List<Section> sections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = "sections[" + i + "]";
            SectionRequest request = Validate.present(at, requests.get(i));
            String name = Validate.text(at + ".name", request.name(), 1, 100);
            // Case-insensitive: "Balcony" and "balcony" would print as the same section on a ticket.
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw ApiException.validation(at + ".name", "Section '" + name + "' is listed twice.");
            }
            sections.add(new Section(name, Validate.range(at + ".rows", request.rows(), 1, MAX_ROWS),
                    Validate.range(at + ".seatsPerRow", request.seatsPerRow(), 1, MAX_SEATS_PER_ROW)));
        }
        return sections;
    }
}
