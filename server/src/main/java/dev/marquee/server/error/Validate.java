package dev.marquee.server.error;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/** Request checks that answer VALIDATION_FAILED with a sentence naming the field. */
public final class Validate {

    private Validate() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw ApiException.validation(field, "Field '" + field + "' is required.");
        }
        return value;
    }

    /** Required text, trimmed, between min and max characters. */
    public static String text(String field, String value, int min, int max) {
        String trimmed = present(field, value).strip();
        // PostgreSQL text cannot hold U+0000; refused here, it would otherwise fail the statement as INTERNAL.
        if (trimmed.indexOf('\0') >= 0) {
            throw ApiException.validation(field, "Field '" + field + "' must not contain the NUL character.");
        }
        // A lone surrogate is no character at all; the database would store it as '?'.
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw ApiException.validation(field, "Field '" + field + "' holds an invalid character (a lone surrogate).");
        }
        if (trimmed.length() < min || trimmed.length() > max) {
            throw ApiException.validation(field, min == max
                    ? "Field '" + field + "' must be " + min + " characters."
                    : "Field '" + field + "' must be " + min + " to " + max + " characters.");
        }
        return trimmed;
    }

    /** Optional text: null stays null, otherwise as {@link #text}. */
    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, 0, max);
    }

    /** Earliest and latest instants a date in a request may name: anything outside is a typing slip. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-12-31T23:59:59Z");

    /** A required instant between {@link #EARLIEST} and {@link #LATEST}. */
    public static Instant plausible(String field, Instant value) {
        Instant instant = present(field, value);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.validation(field, "Field '" + field + "' must be a date between the years 2000 and 2100.");
        }
        return instant;
    }

    public static int range(String field, Integer value, int min, int max) {
        int number = present(field, value);
        if (number < min || number > max) {
            throw ApiException.validation(field, "Field '" + field + "' must be between " + min + " and " + max + ".");
        }
        return number;
    }

    public static long range(String field, Long value, long min, long max) {
        long number = present(field, value);
        if (number < min || number > max) {
            throw ApiException.validation(field, "Field '" + field + "' must be between " + min + " and " + max + ".");
        }
        return number;
    }

    /** A required list of 1..max distinct, non-null elements. */
    public static <T> List<T> distinctList(String field, List<T> values, int max) {
        present(field, values);
        if (values.isEmpty() || values.size() > max) {
            throw ApiException.validation(field, "Field '" + field + "' must list 1 to " + max + " entries.");
        }
        if (values.contains(null)) {
            throw ApiException.validation(field, "Field '" + field + "' must not contain null.");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw ApiException.validation(field, "Field '" + field + "' must not list the same entry twice.");
        }
        return List.copyOf(values);
    }

    public static void positiveIds(String field, Collection<Long> ids) {
        if (ids.stream().anyMatch(id -> id <= 0)) {
            throw ApiException.validation(field, "Field '" + field + "' must hold positive ids.");
        }
    }
}
