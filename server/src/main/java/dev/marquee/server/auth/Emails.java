package dev.marquee.server.auth;

import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.text.Normalizer;
import java.util.Locale;

/**
 * One spelling per email address: Unicode NFKC (so a full-width letter is its plain twin), then lower case. A new
 * address may not hold invisible, format, control, private-use or unassigned characters, nor a lone surrogate, so
 * no second account hides behind a zero-width space.
 */
final class Emails {

    private Emails() {
    }

    /** The address a new account is stored under, or 400 naming what is wrong with it. */
    static String normalized(String value) {
        String email = folded(Validate.text("email", value, 3, 254));
        int at = email.indexOf('@');
        if (at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1
                || email.codePoints().anyMatch(Emails::invisibleOrUnassigned)) {
            throw ApiException.validation("email", "The email address is not valid.");
        }
        if (email.length() > 254) {
            throw ApiException.validation("email", "Field 'email' must be 3 to 254 characters.");
        }
        return email;
    }

    /** The address a sign-in looks up: folded the same way, never refused for its characters (it just finds no one). */
    static String forSignIn(String value) {
        return folded(Validate.text("email", value, 1, 254));
    }

    private static String folded(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Letters that draw nothing although Unicode does not call them format characters. */
    private static final String BLANK_LETTERS = "\u034F\u115F\u1160\u2800\u3164\uFFA0";

    private static boolean invisibleOrUnassigned(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> Character.isWhitespace(codePoint) || BLANK_LETTERS.indexOf(codePoint) >= 0;
        };
    }
}
