package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Tx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue's seat map as best available needs it: each seat's section, row and number, the centre of each row (the
 * middle of its lowest and highest seat number, sold seats included) and the order of each section (its lowest
 * seat id). Seats are kept in arrays sorted by id: a 20,000-seat venue takes a few hundred kilobytes.
 */
final class VenueLayout {

    /** One row of one section. */
    private record Row(String section, long sectionOrder, int number, double centre) {
    }

    private final long[] seatIds;
    private final int[] seatNumbers;
    private final int[] seatRows;
    private final List<Row> rows;

    private VenueLayout(long[] seatIds, int[] seatNumbers, int[] seatRows, List<Row> rows) {
        this.seatIds = seatIds;
        this.seatNumbers = seatNumbers;
        this.seatRows = seatRows;
        this.rows = rows;
    }

    static VenueLayout read(Tx tx, long venueId) {
        record Seat(long id, String section, int row, int number) {
        }
        List<Seat> seats = tx.list(
                "SELECT id, section, row_no, seat_no FROM venue_seats WHERE venue_id = ? ORDER BY id",
                row -> new Seat(row.getLong("id"), row.getString("section"), row.getInt("row_no"),
                        row.getInt("seat_no")), venueId);
        Map<String, Long> sectionOrder = new HashMap<>();
        Map<String, int[]> rowSpans = new HashMap<>();
        for (Seat seat : seats) {
            sectionOrder.putIfAbsent(seat.section(), seat.id());
            rowSpans.merge(seat.section() + '\n' + seat.row(), new int[] {seat.number(), seat.number()},
                    (span, one) -> new int[] {Math.min(span[0], one[0]), Math.max(span[1], one[1])});
        }
        Map<String, Integer> rowIndex = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        long[] ids = new long[seats.size()];
        int[] numbers = new int[seats.size()];
        int[] seatRows = new int[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            String key = seat.section() + '\n' + seat.row();
            seatRows[i] = rowIndex.computeIfAbsent(key, k -> {
                int[] span = rowSpans.get(k);
                rows.add(new Row(seat.section(), sectionOrder.get(seat.section()), seat.row(),
                        (span[0] + span[1]) / 2.0));
                return rows.size() - 1;
            });
            ids[i] = seat.id();
            numbers[i] = seat.number();
        }
        return new VenueLayout(ids, numbers, seatRows, List.copyOf(rows));
    }

    /** The seat as a best-available candidate; the seat must be one of this venue's. */
    SeatPicker.Candidate candidate(long seatId) {
        int i = Arrays.binarySearch(seatIds, seatId);
        if (i < 0) {
            throw new IllegalStateException("Seat " + seatId + " is not one of this venue's.");
        }
        Row row = rows.get(seatRows[i]);
        return new SeatPicker.Candidate(seatId, row.section(), row.sectionOrder(), row.number(), seatNumbers[i],
                row.centre());
    }
}
