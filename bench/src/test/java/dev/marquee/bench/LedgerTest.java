package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void holdsWhenNoCheckFindsARow() {
        assertTrue(Ledger.broken(Map.of("held + sold within capacity", 0L, "a seat sold at most once", 0L)).isEmpty());
    }

    @Test
    void namesEveryCheckThatFoundRowsWithHowMany() {
        Map<String, Long> offenders = new LinkedHashMap<>();
        offenders.put("held + sold within capacity", 1L);
        offenders.put("sold equals live tickets", 0L);
        offenders.put("order totals equal their tickets", 3L);
        assertEquals(List.of("held + sold within capacity (1 row)", "order totals equal their tickets (3 rows)"),
                Ledger.broken(offenders));
    }
}
