package dev.marquee.server.platform;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Statements of one transaction sent to the database together, in one round trip, when {@link #run} is called:
 * for writes whose results are only checked at the end, such as a batch's orders, tickets, audit rows, keys and
 * version bumps. A round trip costs the server and the database each about 60 us of CPU on a small virtual machine,
 * more than most of these statements cost to execute. They run in the order added; the first that fails stops the
 * rest and fails the transaction, as one failed statement does. Each statement's row count (changed or returned)
 * goes to its check, in order, once all have run.
 */
public final class Pipeline {

    private final Tx tx;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final List<IntConsumer> checks = new ArrayList<>();

    Pipeline(Tx tx) {
        this.tx = tx;
    }

    /** Adds a statement whose row count does not matter. */
    public Pipeline add(String statement, Object... values) {
        return add(statement, rows -> { }, values);
    }

    /** Adds a statement; {@code rowCount} hears how many rows it changed or returned. */
    public Pipeline add(String statement, IntConsumer rowCount, Object... values) {
        if (!sql.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(statement.strip());
        params.addAll(List.of(values));
        checks.add(rowCount);
        return this;
    }

    /** Sends every statement added, in one round trip, then runs their checks in order. */
    public void run() {
        if (checks.isEmpty()) {
            return;
        }
        int[] counts = new int[checks.size()];
        try (PreparedStatement statement = tx.prepare(sql.toString(), params.toArray())) {
            boolean rows = statement.execute();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rows ? drain(statement.getResultSet()) : statement.getUpdateCount();
                rows = statement.getMoreResults();
            }
        } catch (SQLException e) {
            throw DatabaseFailures.translate(e);
        }
        for (int i = 0; i < counts.length; i++) {
            checks.get(i).accept(counts[i]);
        }
    }

    private static int drain(ResultSet result) throws SQLException {
        try (result) {
            int rows = 0;
            while (result.next()) {
                rows++;
            }
            return rows;
        }
    }

    public Array bigints(Collection<Long> values) {
        return tx.bigints(values);
    }

    public Array ints(Collection<Integer> values) {
        return tx.ints(values);
    }

    public Array uuids(Collection<UUID> values) {
        return tx.uuids(values);
    }

    public Array texts(Collection<String> values) {
        return tx.texts(values);
    }
}
