package dev.marquee.server.booking.stock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Best available: N adjacent seats in one row of one section, nearest the stage first, then nearest the row's
 * centre. Among equally good blocks it prefers one that leaves the gaps around it usable by the next party of
 * the same size, so a row of 20 sells as 10 pairs rather than 9 pairs and two lone seats.
 */
final class SeatPicker {

    /** An available seat; {@code rowCentre} is the middle seat number of the whole row, sold seats included. */
    record Candidate(long seatId, String section, long sectionOrder, int row, int number, double rowCentre) {
    }

    private record Block(List<Candidate> seats, int row, int wastedGaps, double distance, long sectionOrder) {
    }

    private static final Comparator<Block> BEST_FIRST = Comparator.comparingInt(Block::row)
            .thenComparingInt(Block::wastedGaps)
            .thenComparingDouble(Block::distance)
            .thenComparingLong(Block::sectionOrder)
            .thenComparingInt(block -> block.seats().getFirst().number());

    private SeatPicker() {
    }

    static Optional<List<Candidate>> pick(List<Candidate> available, int quantity) {
        Map<String, List<Candidate>> rows = new TreeMap<>();
        for (Candidate seat : available) {
            rows.computeIfAbsent(seat.sectionOrder() + "/" + seat.row(),
                    key -> new ArrayList<>()).add(seat);
        }
        return rows.values().stream()
                .flatMap(row -> runs(row).stream())
                .flatMap(run -> blocks(run, quantity).stream())
                .min(BEST_FIRST)
                .map(Block::seats);
    }

    /** Splits a row's available seats into runs of consecutive seat numbers. */
    private static List<List<Candidate>> runs(List<Candidate> row) {
        List<Candidate> sorted = row.stream().sorted(Comparator.comparingInt(Candidate::number)).toList();
        List<List<Candidate>> runs = new ArrayList<>();
        List<Candidate> current = new ArrayList<>();
        for (Candidate seat : sorted) {
            if (!current.isEmpty() && seat.number() != current.getLast().number() + 1) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(seat);
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static List<Block> blocks(List<Candidate> run, int quantity) {
        List<Block> blocks = new ArrayList<>();
        for (int start = 0; start + quantity <= run.size(); start++) {
            List<Candidate> seats = run.subList(start, start + quantity);
            int left = start;
            int right = run.size() - start - quantity;
            int wasted = (left % quantity == 0 ? 0 : 1) + (right % quantity == 0 ? 0 : 1);
            double middle = (seats.getFirst().number() + seats.getLast().number()) / 2.0;
            Candidate first = seats.getFirst();
            blocks.add(new Block(List.copyOf(seats), first.row(), wasted, Math.abs(middle - first.rowCentre()),
                    first.sectionOrder()));
        }
        return blocks;
    }
}
