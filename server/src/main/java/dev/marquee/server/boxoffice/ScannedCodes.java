package dev.marquee.server.boxoffice;

import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ticket code as a keyboard-wedge scanner types it: surrounded by whatever the scanner adds (spaces, tab,
 * CR/LF, control characters such as STX/ETX) and in lower case when Caps Lock or the layout says so. Only the two
 * ends are trimmed and the letters upper-cased; nothing inside the code is changed or guessed at.
 */
final class ScannedCodes {

    /** Codes are 26 characters of upper-case base32 (see booking's TicketCodes). */
    private static final Pattern CODE = Pattern.compile("[A-Z2-7]{26}");
    private static final int MAX_INPUT = 200;

    private ScannedCodes() {
    }

    /** The code to look up, or empty when the input cannot be any ticket's code (an unknown code, 404). */
    static Optional<String> normalize(String scanned) {
        Validate.present("code", scanned);
        if (scanned.length() > MAX_INPUT) {
            throw ApiException.validation("code", "Field 'code' must be at most " + MAX_INPUT + " characters.");
        }
        int start = 0;
        int end = scanned.length();
        while (start < end && ignorable(scanned.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(scanned.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw ApiException.validation("code", "Field 'code' is empty: scan the ticket again.");
        }
        String code = scanned.substring(start, end).toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
