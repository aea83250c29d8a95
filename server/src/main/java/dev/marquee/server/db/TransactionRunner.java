package dev.marquee.server.db;

/**
 * Runs work in a transaction: on its own ({@link Transactions}), or batched with other work of the same show
 * (the booking lanes). Either way the work commits or rolls back as a whole.
 */
public interface TransactionRunner {

    <T> T inTransaction(Transactions.Work<T> work);
}
