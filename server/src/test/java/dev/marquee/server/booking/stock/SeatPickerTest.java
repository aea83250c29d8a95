package dev.marquee.server.booking.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeatPickerTest {

    @Test
    void picksTheNearestRowFirst() {
        List<SeatPicker.Candidate> seats = new ArrayList<>(row(3, 1, 10));
        seats.addAll(row(2, 1, 10));
        List<SeatPicker.Candidate> picked = SeatPicker.pick(seats, 2).orElseThrow();
        assertTrue(picked.stream().allMatch(seat -> seat.row() == 2), picked::toString);
    }

    @Test
    void pairsFillAnEvenRowCompletely() {
        List<SeatPicker.Candidate> free = new ArrayList<>(row(1, 1, 20));
        Set<Integer> taken = new HashSet<>();
        for (int pair = 0; pair < 10; pair++) {
            List<SeatPicker.Candidate> picked = SeatPicker.pick(free, 2).orElseThrow(AssertionError::new);
            assertEquals(1, picked.get(1).number() - picked.get(0).number(), "side by side");
            picked.forEach(seat -> assertTrue(taken.add(seat.number())));
            free.removeAll(picked);
        }
        assertTrue(free.isEmpty(), "no lone seats left: " + free);
    }

    @Test
    void aSingleSeatGoesToTheCentre() {
        assertEquals(5, SeatPicker.pick(row(1, 1, 9), 1).orElseThrow().getFirst().number());
    }

    @Test
    void noBlockWhenNoSeatsAreTogether() {
        List<SeatPicker.Candidate> scattered = row(1, 1, 10).stream().filter(seat -> seat.number() % 2 == 0).toList();
        assertEquals(Optional.empty(), SeatPicker.pick(scattered, 2));
    }

    @Test
    void neverJoinsSeatsAcrossAGap() {
        List<SeatPicker.Candidate> seats = new ArrayList<>(row(1, 1, 2));
        seats.addAll(row(1, 4, 5));
        assertEquals(Optional.empty(), SeatPicker.pick(seats, 3));
    }

    private static List<SeatPicker.Candidate> row(int row, int from, int to) {
        List<SeatPicker.Candidate> seats = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            seats.add(new SeatPicker.Candidate(row * 100L + number, "Stalls", 1, row, number, (from + to) / 2.0));
        }
        return seats;
    }
}
