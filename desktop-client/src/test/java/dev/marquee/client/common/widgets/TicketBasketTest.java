package dev.marquee.client.common.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.Fixtures;
import dev.marquee.model.booking.TierQuantity;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.TierAvailability;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketBasketTest {

    private final TicketBasket basket = new TicketBasket();

    @Test
    void typedQuantitiesMakeTheTotalAndTheItems() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(1, 3)));

        quantity(0, "2");
        quantity(1, " 4 ");

        assertEquals(2 * 4500 + 4 * 2500, basket.totalCentsProperty().get());
        assertEquals(6, basket.ticketCountProperty().get());
        assertEquals(List.of(new TierQuantity(7L, 2), new TierQuantity(8L, 4)), basket.items());
        assertEquals("", basket.problemProperty().get());
    }

    @Test
    void aFansBasketLeavesHiddenTiersOutAndTheCountersListsThem() {
        Availability withHidden = new Availability(1, 4, List.of(
                new TierAvailability(7, "Standing", 2500, 10, 10, 0, 0),
                new TierAvailability(9, "Presale", 1500, 5, 5, 0, 0, true)), null);

        TicketBasket fans = new TicketBasket(false);
        fans.apply(withHidden);
        basket.apply(withHidden);

        assertEquals(List.of(7L), fans.lines().stream().map(BasketLine::tierId).toList());
        assertEquals(List.of(7L, 9L), basket.lines().stream().map(BasketLine::tierId).toList());
    }

    @Test
    void moreThanAreLeftIsAProblemNamingTheTier() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(1, 3)));

        quantity(0, "5");

        assertEquals("Only 3 left in Bar Table.", basket.problemProperty().get());
    }

    @Test
    void notANumberAndTooManyAtOnceAreProblems() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(1, 3)));

        quantity(1, "two");
        assertEquals("Type the number of tickets for Standing.", basket.problemProperty().get());

        quantity(1, "11");
        assertEquals("At most 10 tickets of Standing at a time.", basket.problemProperty().get());
    }

    @Test
    void newerCountsKeepWhatWasTypedAndMayMakeItAProblem() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(1, 3)));
        quantity(0, "2");

        assertTrue(basket.apply(Availabilities.read(Fixtures.gaAvailability(2, 1))));

        BasketLine barTables = basket.lines().getFirst();
        assertEquals(1, barTables.availableProperty().get());
        assertEquals(38, barTables.soldProperty().get() + barTables.availableProperty().get());
        assertEquals("2", barTables.quantityTextProperty().get());
        assertEquals("Only 1 left in Bar Table.", basket.problemProperty().get());
    }

    @Test
    void olderVersionIsIgnored() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(5, 1)));

        assertFalse(basket.apply(Availabilities.read(Fixtures.gaAvailability(4, 3))));

        assertEquals(1, basket.lines().getFirst().availableProperty().get());
    }

    @Test
    void soldOutTierIsMarked() {
        basket.apply(Availabilities.read(Fixtures.gaAvailability(1, 0)));

        assertTrue(basket.lines().getFirst().soldOutProperty().get());
        assertFalse(basket.lines().getLast().soldOutProperty().get());
    }

    private void quantity(int line, String typed) {
        basket.lines().get(line).quantityTextProperty().set(typed);
    }
}
