package dev.marquee.server.booking.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketCodesTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Test
    void codesAre26Base32CharactersAndNeverRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = TicketCodes.next();
            assertEquals(26, code.length(), code);
            assertTrue(code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), code);
            codes.add(code);
        }
        assertEquals(20_000, codes.size());
    }

    @Test
    void everyPositionDrawsFromTheWholeAlphabet() {
        List<Set<Character>> seen = new ArrayList<>();
        for (int position = 0; position < 26; position++) {
            seen.add(new HashSet<>());
        }
        for (int i = 0; i < 5_000; i++) {
            String code = TicketCodes.next();
            for (int position = 0; position < 26; position++) {
                seen.get(position).add(code.charAt(position));
            }
        }
        for (int position = 0; position < 26; position++) {
            assertEquals(32, seen.get(position).size(), "position " + position);
        }
    }
}
