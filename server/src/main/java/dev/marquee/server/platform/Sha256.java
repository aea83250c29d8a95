package dev.marquee.server.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests, each started from a copy of one prepared instance: {@code MessageDigest.getInstance} searches the
 * security providers on every call, which showed up in the profile of every request that carries a session token
 * or an Idempotency-Key.
 */
public final class Sha256 {

    private static final MessageDigest PROTOTYPE = prototype();

    private Sha256() {
    }

    /** A fresh digest to feed with {@code update}. */
    public static MessageDigest start() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("This Java's SHA-256 cannot be copied", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return start().digest(bytes);
    }

    private static MessageDigest prototype() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.clone();
            return digest;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK, and copyable", e);
        }
    }
}
