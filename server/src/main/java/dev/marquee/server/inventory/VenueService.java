package dev.marquee.server.inventory;

import dev.marquee.model.admin.SectionRequest;
import dev.marquee.model.admin.VenueRequest;
import dev.marquee.model.admin.VenueSeat;
import dev.marquee.model.admin.VenueView;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

    private final Statements statements;
    private final Audit audit;

    public VenueService(Statements statements, Audit audit) {
        this.statements = statements;
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
        return statements.transaction(db -> {
            long venueId = db.createNamedGet("venue-create").addParam("name", name).addParam("capacity", capacity)
                    .execute().map(Row::of).orElseThrow().number("id");
            // One statement for the whole seat map; identities follow its ORDER BY, so ids run section by
            // section, row by row, left to right.
            db.createNamedInsert("venue-seats-create").addParam("venueId", venueId)
                    .addParam("names", sections.stream().map(Section::name).toArray(String[]::new))
                    .addParam("rows", sections.stream().map(Section::rows).toArray(Integer[]::new))
                    .addParam("perRow", sections.stream().map(Section::seatsPerRow).toArray(Integer[]::new))
                    .execute();
            audit.record(db, actor, "VENUE_CREATED", null,
                    Map.of("venueId", venueId, "name", name, "capacity", capacity, "sections", sections.size()));
            return new VenueView(venueId, name, capacity, seatsOf(db, new Long[] {venueId}).get(venueId));
        });
    }

    public List<VenueView> list() {
        return statements.snapshot(db -> {
            record Head(long id, String name, int capacity) {
            }
            List<Head> venues = db.createNamedQuery("venues").execute().map(Row::of)
                    .map(row -> new Head(row.number("id"), row.text("name"), (int) row.number("capacity")))
                    .toList();
            Map<Long, List<VenueSeat>> seats = seatsOf(db, venues.stream().map(Head::id).toArray(Long[]::new));
            return venues.stream()
                    .map(v -> new VenueView(v.id(), v.name(), v.capacity(), seats.getOrDefault(v.id(), List.of())))
                    .toList();
        });
    }

    private static Map<Long, List<VenueSeat>> seatsOf(DbExecute db, Long[] venueIds) {
        Map<Long, List<VenueSeat>> seats = new HashMap<>();
        try (Stream<Row> rows = db.createNamedQuery("venue-seats").addParam("venueIds", venueIds).execute()
                .map(Row::of)) {
            rows.forEach(row -> seats.computeIfAbsent(row.number("venue_id"), id -> new ArrayList<>())
                    .add(new VenueSeat(row.number("id"), row.text("section"), (int) row.number("row_no"),
                            (int) row.number("seat_no"), row.text("label"))));
        }
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
