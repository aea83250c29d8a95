package dev.marquee.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and the formula guard, field by field. */
class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        String csv = new Csv(List.of("a", "b", "c", "d", "e")).row(Arrays.asList("plain", "with, comma",
                "say \"hi\"", "two\nlines", null)).toString();
        assertEquals("a,b,c,d,e\r\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n", csv);
    }

    @Test
    void everyFormulaStartIsGuardedWithAQuote() {
        String csv = new Csv(List.of("x")).row(List.of("=1+1")).row(List.of("+1")).row(List.of("-1"))
                .row(List.of("@A1")).row(List.of("\tx")).row(List.of("\rx")).row(List.of("a=b")).toString();
        assertEquals("x\r\n'=1+1\r\n'+1\r\n'-1\r\n'@A1\r\n'\tx\r\n\"'\rx\"\r\na=b\r\n", csv);
    }
}
