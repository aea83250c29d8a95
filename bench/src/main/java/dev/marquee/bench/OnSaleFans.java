package dev.marquee.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The on-sale's fans: FAN accounts signed in with known tokens, written straight into the database (20,000 sign-ins
 * would cost the server minutes of bcrypt), and the show they rush for.
 */
final class OnSaleFans {

    /** One fan: its place in the arrival order, its account and its session token. */
    record Fan(int index, UUID id, String token) {
    }

    private OnSaleFans() {
    }

    /** Makes {@code count} fans, indexed 0.. in arrival order. */
    static List<Fan> seed(Connection sql, int count) throws SQLException {
        try (PreparedStatement users = sql.prepareStatement("""
                INSERT INTO users (email, password_hash, display_name, role)
                SELECT 'bench-fan-' || n || '@bench.test', 'not a bcrypt hash', 'Bench fan ' || n, 'FAN'
                FROM generate_series(0, ? - 1) AS n""");
             PreparedStatement sessions = sql.prepareStatement("""
                INSERT INTO sessions (token_hash, user_id, expires_at)
                SELECT sha256(convert_to('bench-fan-token-' || substring(email FROM 'bench-fan-([0-9]+)@'), 'UTF8')),
                       id, now() + interval '1 day'
                FROM users WHERE email LIKE 'bench-fan-%@bench.test'""")) {
            users.setInt(1, count);
            users.executeUpdate();
            sessions.executeUpdate();
        }
        Map<Integer, UUID> ids = new HashMap<>();
        try (PreparedStatement query = sql.prepareStatement("""
                SELECT id, substring(email FROM 'bench-fan-([0-9]+)@')::int AS n FROM users
                WHERE email LIKE 'bench-fan-%@bench.test'""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.put(rows.getInt("n"), rows.getObject("id", UUID.class));
            }
        }
        List<Fan> fans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fans.add(new Fan(i, ids.get(i), "bench-fan-token-" + i));
        }
        return fans;
    }

    /** A GA show of one tier of {@code tickets}, its waiting room set so, the default limit of 10 per account. */
    static Seed.Show show(Connection sql, int tickets, String waitingRoom) throws SQLException {
        Seed.Show show = Seed.gaShows(sql, 1, 1, tickets).getFirst();
        try (PreparedStatement update = sql.prepareStatement(
                "UPDATE shows SET waiting_room = ?, max_tickets_per_account = DEFAULT WHERE id = ?")) {
            update.setString(1, waitingRoom);
            update.setLong(2, show.id());
            update.executeUpdate();
        }
        return show;
    }
}
