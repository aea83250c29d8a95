package dev.marquee.client.admin.shows;

import dev.marquee.client.common.api.Failures;
import dev.marquee.model.error.ErrorCode;

/** What the admin tools say when a read about the picked show fails. */
public final class ShowFailures {

    private ShowFailures() {
    }

    /** A show deleted or hidden since the list was read is worth its own sentence: the list needs a reload. */
    public static String describe(Exception failure) {
        return Failures.is(failure, ErrorCode.NOT_FOUND)
                ? "This show no longer exists. Refresh the show list (F5)."
                : Failures.describe(failure);
    }
}
