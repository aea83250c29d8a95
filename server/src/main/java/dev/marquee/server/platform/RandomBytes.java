package dev.marquee.server.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The server's one source of unguessable bits (session tokens, ticket codes, the random part of ids): a DRBG
 * (NIST SP 800-90A) seeded from the operating system once, then generating in process. The platform's default
 * source on Linux reads the kernel's pool under one lock on every call, which a busy sale (a code per ticket, ids per
 * row) paid for many times over.
 */
public final class RandomBytes {

    private static final SecureRandom DRBG = drbg();

    private RandomBytes() {
    }

    public static byte[] next(int count) {
        byte[] bytes = new byte[count];
        DRBG.nextBytes(bytes);
        return bytes;
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no DRBG secure random", e);
        }
    }
}
