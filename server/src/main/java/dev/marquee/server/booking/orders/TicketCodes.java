package dev.marquee.server.booking.orders;

import dev.marquee.server.platform.RandomBytes;


/**
 * Ticket codes: 130 random bits as 26 characters of upper-case base32 (A-Z, 2-7), which a QR code stores
 * compactly and a keyboard-wedge scanner types without shift-state surprises.
 */
final class TicketCodes {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int LENGTH = 26;
    private static final int BITS_PER_CHARACTER = 5;

    private TicketCodes() {
    }

    static String next() {
        byte[] random = RandomBytes.next((LENGTH * BITS_PER_CHARACTER + 7) / 8);
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[fiveBitsAt(random, i * BITS_PER_CHARACTER)];
        }
        return new String(code);
    }

    private static int fiveBitsAt(byte[] bytes, int bit) {
        int pair = (bytes[bit / 8] & 0xFF) << 8 | (bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xFF : 0);
        return pair >>> (16 - BITS_PER_CHARACTER - bit % 8) & (ALPHABET.length - 1);
    }
}
