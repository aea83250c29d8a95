package dev.marquee.server.catalog;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.model.catalog.ShowSummary;
import dev.marquee.model.catalog.TierAvailability;
import dev.marquee.model.catalog.TierPrice;
import dev.marquee.model.catalog.VenueRef;
import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What anyone may read: events, shows and their live availability. */
public final class CatalogService {

    private final Transactions transactions;
    private final Statements statements;

    public CatalogService(Transactions transactions, Statements statements) {
        this.transactions = transactions;
        this.statements = statements;
    }

    public List<EventSummary> events() {
        return statements.snapshot(db -> {
            Map<Long, List<ShowSummary>> showsByEvent = new LinkedHashMap<>();
            try (Stream<DbRow> shows = db.namedQuery("catalog-event-shows")) {
                shows.map(Row::of).forEach(row -> showsByEvent.computeIfAbsent(row.number("event_id"),
                        id -> new ArrayList<>()).add(new ShowSummary(row.number("id"),
                        row.instant("starts_at"), row.text("venue_name"),
                        SeatingMode.valueOf(row.text("seating_mode")), row.flag("on_sale"),
                        row.instant("on_sale_at"))));
            }
            return db.namedQuery("catalog-events").map(Row::of).map(row -> new EventSummary(row.number("id"),
                    row.text("title"), row.text("description"),
                    List.copyOf(showsByEvent.getOrDefault(row.number("id"), List.of())))).toList();
        });
    }

    /** The show as its listing reads it: hidden tiers only for staff. */
    public ShowDetail show(long showId, boolean staff) {
        ShowDetail show = transactions.inSnapshot(tx -> show(tx, showId));
        if (staff) {
            return show;
        }
        return new ShowDetail(show.id(), show.eventId(), show.eventTitle(), show.startsAt(), show.venue(),
                show.seatingMode(), show.onSale(), show.tiers().stream().filter(tier -> tier.hidden() == null).toList(),
                show.waitingRoom(), show.onSaleAt(), show.maxTicketsPerAccount());
    }

    /** The show with every tier, hidden ones marked. */
    public static ShowDetail show(Tx tx, long showId) {
        List<TierPrice> tiers = tx.list("SELECT id, name, price_cents, hidden FROM tiers WHERE show_id = ? ORDER BY id",
                row -> new TierPrice(row.getLong("id"), row.getString("name"), row.getInt("price_cents"),
                        row.getBoolean("hidden") ? Boolean.TRUE : null), showId);
        return tx.first("""
                SELECT s.id, s.event_id, e.title, s.starts_at, v.id AS venue_id, v.name AS venue_name, v.capacity,
                       s.seating_mode, s.on_sale, s.waiting_room, s.on_sale_at, s.max_tickets_per_account
                FROM shows s JOIN events e ON e.id = s.event_id JOIN venues v ON v.id = s.venue_id
                WHERE s.id = ?""", row -> new ShowDetail(row.getLong("id"), row.getLong("event_id"),
                        row.getString("title"), Tx.instant(row, "starts_at"),
                        new VenueRef(row.getLong("venue_id"), row.getString("venue_name"), row.getInt("capacity")),
                        SeatingMode.valueOf(row.getString("seating_mode")), row.getBoolean("on_sale"), tiers,
                        WaitingRoom.valueOf(row.getString("waiting_room")), Tx.instant(row, "on_sale_at"),
                        (Integer) row.getObject("max_tickets_per_account")),
                showId)
                .orElseThrow(() -> showNotFound(showId));
    }

    /** The show's inventory as its listing reads it: hidden tiers (and their seats) only for staff. */
    public Availability availability(long showId, boolean staff) {
        Availability all = availability(showId);
        if (staff || all.tiers().stream().noneMatch(tier -> tier.hidden() != null)) {
            return all;
        }
        Set<Long> hidden = all.tiers().stream().filter(tier -> tier.hidden() != null)
                .map(TierAvailability::tierId).collect(Collectors.toSet());
        return new Availability(all.showId(), all.version(),
                all.tiers().stream().filter(tier -> !hidden.contains(tier.tierId())).toList(),
                all.seats() == null ? null
                        : all.seats().stream().filter(seat -> !hidden.contains(seat.tierId())).toList());
    }

    public Availability availability(long showId) {
        return transactions.inSnapshot(tx -> availability(tx, showId));
    }

    /**
     * The show's inventory as one consistent picture; seats only for seated shows, and only seats in a tier. Its
     * three reads go in one round trip: live updates read it for every message of a watched show.
     */
    public static Availability availability(Tx tx, long showId) {
        record Head(long version, SeatingMode mode) {
        }
        List<Head> head = new ArrayList<>();
        List<TierAvailability> tiers = new ArrayList<>();
        List<SeatAvailability> seats = new ArrayList<>();
        tx.pipeline()
                .query("SELECT version, seating_mode FROM shows WHERE id = ?", row -> head.add(
                        new Head(row.getLong("version"), SeatingMode.valueOf(row.getString("seating_mode")))), showId)
                .query("""
                        SELECT id, name, price_cents, capacity, held, sold, hidden FROM tiers
                        WHERE show_id = ? ORDER BY id""",
                        row -> tiers.add(new TierAvailability(row.getLong("id"), row.getString("name"),
                                row.getInt("price_cents"), row.getInt("capacity"),
                                row.getInt("capacity") - row.getInt("held") - row.getInt("sold"), row.getInt("held"),
                                row.getInt("sold"), row.getBoolean("hidden") ? Boolean.TRUE : null)), showId)
                .query("""
                        SELECT ss.seat_id, vs.label, vs.section, vs.row_no, vs.seat_no, ss.tier_id, ss.status
                        FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                        WHERE ss.show_id = ? AND ss.tier_id IS NOT NULL ORDER BY ss.seat_id""",
                        row -> seats.add(seat(row)), showId)
                .run();
        if (head.isEmpty()) {
            throw showNotFound(showId);
        }
        return new Availability(showId, head.getFirst().version(), tiers,
                head.getFirst().mode() == SeatingMode.SEATED ? seats : null);
    }

    static SeatAvailability seat(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SeatAvailability(row.getLong("seat_id"), row.getString("label"), row.getString("section"),
                row.getInt("row_no"), row.getInt("seat_no"), Tx.nullableLong(row, "tier_id"),
                SeatStatus.valueOf(row.getString("status")));
    }

    public static ApiException showNotFound(long showId) {
        return ApiException.notFound("There is no show " + showId + ".");
    }
}
