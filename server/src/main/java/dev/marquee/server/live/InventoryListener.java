package dev.marquee.server.live;

import dev.marquee.server.auth.SessionNotices;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.waitlist.WaitingList;
import dev.marquee.server.onsale.LineNotices;
import dev.marquee.server.onsale.LineViews;
import dev.marquee.server.platform.BackgroundWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for committed inventory changes, moves of shows' lines, and sessions ended by sign-out on any instance,
 * on a connection of its own. When that connection drops (a database restart, a network cut) it reconnects with backoff, has the hub
 * send every subscriber a fresh snapshot and forgets every cached session, since notifications sent while nobody
 * listened are gone.
 */
public final class InventoryListener implements BackgroundWork {

    /** Opens the dedicated connection. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private static final System.Logger LOG = System.getLogger(InventoryListener.class.getName());
    private static final int POLL_MILLIS = 500;
    /** Short: after a failover, live clients are resynced within about this long of the new primary's promotion. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final Connector connector;
    private final LiveHub hub;
    private final SessionEvents sessions;
    private final LineViews lines;
    private final PersonalPushes personal;
    private volatile boolean running;
    private Thread thread;

    /** What the listener tells the session cache. */
    public interface SessionEvents {
        /** A session ended (its token's digest, in hex). */
        void ended(String tokenDigest);

        /** Notifications may have been missed: trust no cached session. */
        void forgetAll();
    }

    public InventoryListener(Connector connector, LiveHub hub, SessionEvents sessions, LineViews lines,
                             PersonalPushes personal) {
        this.connector = connector;
        this.hub = hub;
        this.sessions = sessions;
        this.lines = lines;
        this.personal = personal;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("inventory-listener").daemon().start(this::listenForever);
    }

    @Override
    public synchronized void stop(Duration grace) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listenForever() {
        Duration backoff = Duration.ofMillis(100);
        boolean everConnected = false;
        while (running) {
            try (Connection connection = connector.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ShowVersions.CHANNEL);
                    statement.execute("LISTEN " + SessionNotices.CHANNEL);
                    statement.execute("LISTEN " + LineNotices.CHANNEL);
                    statement.execute("LISTEN " + WaitingList.OFFER_CHANNEL);
                }
                if (everConnected) {
                    LOG.log(System.Logger.Level.INFO, "Listening for inventory changes again; resending snapshots");
                    sessions.forgetAll();
                    lines.forgetAll();
                    hub.resubscribeAll();
                }
                everConnected = true;
                backoff = Duration.ofMillis(100);
                PGConnection listening = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = listening.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (notification.getName().equals(SessionNotices.CHANNEL)) {
                                sessions.ended(notification.getParameter());
                            } else if (notification.getName().equals(LineNotices.CHANNEL)) {
                                lineMoved(notification.getParameter());
                            } else if (notification.getName().equals(WaitingList.OFFER_CHANNEL)) {
                                offerMade(notification.getParameter());
                            } else {
                                deliver(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "Inventory listener lost the database ({0}); retrying in {1} ms",
                        e.getMessage(), backoff.toMillis());
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void lineMoved(String payload) {
        try {
            String[] parts = payload.split(":");
            long showId = Long.parseLong(parts[0]);
            lines.forget(showId);
            hub.lineMoved(showId, Instant.EPOCH.plusNanos(Long.parseLong(parts[1]) * 1000),
                    parts.length > 2 && parts[2].equals("now"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a malformed line notification: {0}", payload);
        }
    }

    private void offerMade(String payload) {
        try {
            String[] parts = payload.split(":");
            personal.offerMade(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a malformed offer notification: {0}", payload);
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split(":");
        try {
            long showId = Long.parseLong(parts[0]);
            long micros = Long.parseLong(parts[2]);
            hub.changed(showId, Instant.EPOCH.plusNanos(micros * 1000));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a malformed inventory notification: {0}", payload);
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
