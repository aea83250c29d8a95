package dev.marquee.server.platform;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of milliseconds, then 74 random bits. Rows written together sit together in
 * their primary-key index, so a busy sale touches a few index pages instead of one random page per row. They are
 * not secrets: who may read an order is checked on every read.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        ByteBuffer random = ByteBuffer.wrap(RandomBytes.next(10));
        long high = (millis << 16) | 0x7000L | (random.getShort() & 0x0FFFL);
        long low = (random.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
