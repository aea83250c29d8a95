package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void quickPushesToAThousandClientsAndFullAlsoToTenThousand() {
        assertArrayEquals(new int[] {1000}, Mode.of("quick").pushClients());
        assertArrayEquals(new int[] {1000, 10000}, Mode.of("full").pushClients());
        assertTrue(Mode.of("full").stepSeconds() > Mode.of("quick").stepSeconds());
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Mode.of("slow"));
    }
}
