package dev.marquee.client.common.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void centsReadAsDollars() {
        assertEquals("$0.00", Money.format(0));
        assertEquals("$42.50", Money.format(4250));
        assertEquals("$1,020.05", Money.format(102005));
    }

    @Test
    void typedAmountsBecomeWholeCents() {
        assertEquals(Optional.of(2000L), Money.parse("20"));
        assertEquals(Optional.of(2050L), Money.parse(" 20.5 "));
        assertEquals(Optional.of(102050L), Money.parse("$1,020.50"));
        assertEquals(Optional.of(2000L), Money.parse("20."));
    }

    @Test
    void whatIsNotAnAmountIsRefused() {
        assertEquals(Optional.empty(), Money.parse(""));
        assertEquals(Optional.empty(), Money.parse("twenty"));
        assertEquals(Optional.empty(), Money.parse("20.555"));
        assertEquals(Optional.empty(), Money.parse("-5"));
        assertEquals(Optional.empty(), Money.parse(null));
    }
}
