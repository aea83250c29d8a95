package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A column reads the same whichever type the driver or DbClient hands back for it. */
class RowTest {

    private static final Instant AT = Instant.parse("2026-12-07T18:00:00.123456Z");

    private static Row of(Map<String, Object> columns) {
        return columns::get;
    }

    @Test
    void timestampsReadAsInstantsWhateverTheirJavaTypeAndNullStaysNull() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("jdbc", Timestamp.from(AT));
        columns.put("offset", OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(2)));
        columns.put("instant", AT);
        columns.put("none", null);
        Row row = of(columns);

        assertEquals(AT, row.instant("jdbc"));
        assertEquals(AT, row.instant("offset"));
        assertEquals(AT, row.instant("instant"));
        assertNull(row.instant("none"));
        assertThrows(IllegalStateException.class, () -> of(Map.of("text", "noon")).instant("text"));
    }

    @Test
    void numbersOfAnyWidthReadAsLongsAndDoublesAndNullableOnesStayNull() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("int", 7);
        columns.put("bigint", 7_000_000_000L);
        columns.put("numeric", new BigDecimal("1234.5"));
        columns.put("none", null);
        Row row = of(columns);

        assertEquals(7L, row.number("int"));
        assertEquals(7_000_000_000L, row.number("bigint"));
        assertEquals(1234L, row.number("numeric"));
        assertEquals(1234.5, row.decimal("numeric"));
        assertNull(row.nullableNumber("none"));
        assertEquals(7L, row.nullableNumber("int"));
    }
}
