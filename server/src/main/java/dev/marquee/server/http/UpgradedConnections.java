package dev.marquee.server.http;

import io.helidon.webserver.CloseConnectionException;

/**
 * Connections that left HTTP for another protocol (WebSocket). The web server reports a frame it cannot parse
 * there as an HTTP failure and would write an HTTP answer into the other protocol's stream; instead, the protocol
 * closes in its own terms. Each upgraded connection registers, on its own thread, how it closes on a protocol error.
 */
public final class UpgradedConnections {

    private static final ThreadLocal<Runnable> PROTOCOL_ERROR_CLOSE = new ThreadLocal<>();

    private UpgradedConnections() {
    }

    /** Called on the connection's thread once it has upgraded. */
    public static void upgraded(Runnable closeOnProtocolError) {
        PROTOCOL_ERROR_CLOSE.set(closeOnProtocolError);
    }

    /** Called on the connection's thread when it ends. */
    public static void ended() {
        PROTOCOL_ERROR_CLOSE.remove();
    }

    /**
     * When this thread's connection has upgraded: closes it in its own protocol and ends it without an HTTP answer
     * (by throwing). Otherwise does nothing.
     */
    static void closeIfUpgraded() {
        Runnable close = PROTOCOL_ERROR_CLOSE.get();
        if (close != null) {
            PROTOCOL_ERROR_CLOSE.remove();
            try {
                close.run();
            } catch (RuntimeException alreadyGone) {
                // The peer may have gone already; the connection ends either way.
            }
            throw new CloseConnectionException("Protocol error on an upgraded connection");
        }
    }
}
