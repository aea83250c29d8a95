package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KendallTauTest {

    @Test
    void theSameOrderIsOneAndTheReverseIsMinusOne() {
        assertEquals(1.0, KendallTau.of(new long[] {1, 2, 3, 4}, new long[] {10, 20, 30, 40}));
        assertEquals(-1.0, KendallTau.of(new long[] {1, 2, 3, 4}, new long[] {40, 30, 20, 10}));
    }

    @Test
    void oneSwappedPairOfFourMakesOneOfSixPairsDisagree() {
        // six pairs, one of them discordant: (5 - 1) / 6
        assertEquals(4.0 / 6, KendallTau.of(new long[] {1, 2, 3, 4}, new long[] {1, 3, 2, 4}), 1e-12);
    }
}
