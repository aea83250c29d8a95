package dev.marquee.server.db;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Statements of one transaction sent to the database together, in one round trip, when {@link #run} is called: a
 * batch's reads and locks that do not depend on one another's answers, then its writes, whose results are only
 * checked at the end (orders, tickets, audit rows, keys, version bumps). A round trip costs the calling thread more
 * CPU and waiting than most of these statements take to execute.
 * They run in the order added, so locks are taken in that order; the first that fails stops the rest and fails the
 * transaction, as one failed statement does. A query's rows go to its row reader as they arrive; every statement's
 * row count (changed or returned) goes to its check, in order, once all have run.
 */
public final class Pipeline {

    private final Tx tx;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private record Step(Tx.RowMapper<?> eachRow, IntConsumer rowCount) {
    }

    Pipeline(Tx tx) {
        this.tx = tx;
    }

    /**
     * Adds that the rest of the transaction runs each prepared statement on its generic plan, planned once per
     * connection, instead of planning it again for the values of every execution. A batch's statements take arrays
     * of ids; for those PostgreSQL keeps choosing a custom plan, since one sized to the array always looks cheaper
     * than the generic one, and planning them cost more than running them (a fifth of the database's CPU in a hot
     * step).
     */
    public Pipeline planOncePerConnection() {
        return add("SET LOCAL plan_cache_mode = force_generic_plan");
    }

    /** Adds a statement whose row count does not matter. */
    public Pipeline add(String statement, Object... values) {
        return add(statement, rows -> { }, values);
    }

    /** Adds a statement; {@code rowCount} hears how many rows it changed or returned. */
    public Pipeline add(String statement, IntConsumer rowCount, Object... values) {
        return step(statement, new Step(row -> null, rowCount), values);
    }

    /** Adds a query; {@code eachRow} reads each of its rows when the pipeline runs. */
    public Pipeline query(String statement, Tx.RowMapper<?> eachRow, Object... values) {
        return step(statement, new Step(eachRow, rows -> { }), values);
    }

    private Pipeline step(String statement, Step step, Object... values) {
        if (!sql.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(statement.strip());
        // Parameters may be null (a nullable column), which List.of would refuse.
        Collections.addAll(params, values);
        steps.add(step);
        return this;
    }

    /** Sends every statement added, in one round trip, then runs their checks in order. */
    public void run() {
        if (steps.isEmpty()) {
            return;
        }
        int[] counts = new int[steps.size()];
        try (PreparedStatement statement = tx.prepare(sql.toString(), params.toArray())) {
            boolean rows = statement.execute();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rows ? read(statement.getResultSet(), steps.get(i).eachRow()) : statement.getUpdateCount();
                rows = statement.getMoreResults();
            }
        } catch (SQLException e) {
            throw tx.failure(e);
        }
        for (int i = 0; i < counts.length; i++) {
            steps.get(i).rowCount().accept(counts[i]);
        }
    }

    private static int read(ResultSet result, Tx.RowMapper<?> eachRow) throws SQLException {
        try (result) {
            int rows = 0;
            while (result.next()) {
                eachRow.map(result);
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
