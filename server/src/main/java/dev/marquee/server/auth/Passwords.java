package dev.marquee.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/** bcrypt with a per-password salt; long passphrases are pre-hashed rather than cut at 72 bytes. */
final class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    private final String decoy;

    Passwords(int cost) {
        this.cost = cost;
        this.decoy = hash("not-a-real-password");
    }

    String hash(String password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .verify(password.toCharArray(), hash.toCharArray()).verified;
    }

    /** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
    void burnTime(String password) {
        matches(password, decoy);
    }
}
