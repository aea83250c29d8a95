package dev.marquee.server.booking;

import java.security.SecureRandom;

/**
 * Ticket codes: 130 random bits as 26 characters of upper-case base32 (A-Z, 2-7), which a QR code stores
 * compactly and a keyboard-wedge scanner types without shift-state surprises.
 */
final class TicketCodes {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
