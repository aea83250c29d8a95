package dev.marquee.client.common.api;

import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns any failure of a background call into one sentence a person at the counter can act on. */
public final class Failures {

    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static String describe(Exception failure) {
        return describe(failure, InventoryNames.NONE);
    }

    /** As {@link #describe(Exception)}, naming tiers and seats the way the screen shows them. */
    public static String describe(Exception failure, InventoryNames names) {
        if (failure instanceof ApiException api) {
            return describe(api.body(), names);
        }
        if (failure instanceof ServerUnreachableException) {
            return failure.getMessage();
        }
        // Anything else is our bug or a garbled answer: the details go to the log, never to the screen.
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure talking to the server", failure);
        return "Something went wrong while talking to the server. Please try again.";
    }

    /** True when the server may have done the request, or may still do it: only then is a retry the answer. */
    public static boolean outcomeUnknown(Exception failure) {
        if (failure instanceof ServerUnreachableException) {
            return true;
        }
        if (failure instanceof ApiException api) {
            ErrorCode code = api.body().error();
            // 5xx answers are never stored by the server; "in progress" and "slow down" ran nothing yet.
            return api.status() >= 500 || code == ErrorCode.IDEMPOTENCY_IN_PROGRESS
                    || code == ErrorCode.TOO_MANY_REQUESTS;
        }
        return false;
    }

    public static boolean is(Exception failure, ErrorCode code) {
        return failure instanceof ApiException api && api.body().error() == code;
    }

    private static String describe(ErrorBody body, InventoryNames names) {
        Map<String, Object> details = body.details() == null ? Map.of() : body.details();
        if (body.error() == ErrorCode.INSUFFICIENT_INVENTORY && details.get("tierId") instanceof Number tierId
                && details.get("available") instanceof Number available) {
            String tier = names.tierName(tierId.longValue());
            long left = available.longValue();
            long requested = details.get("requested") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
            if (left == 0) {
                return "No tickets left in " + tier + ".";
            }
            if (left < requested) {
                return "Only " + left + " left in " + tier + "; you asked for " + requested + ".";
            }
            // Enough tickets, but not side by side: the server's sentence says what to do instead.
            return body.message();
        }
        if (body.error() == ErrorCode.SEAT_UNAVAILABLE && details.get("seatIds") instanceof List<?> ids
                && !ids.isEmpty()) {
            String seats = ids.stream().map(id -> id instanceof Number n ? names.seatLabel(n.longValue()) : "?")
                    .collect(Collectors.joining(", "));
            return (ids.size() == 1 ? seats + " is" : seats + " are") + " no longer available. Please choose again.";
        }
        return body.message();
    }

    /** How the screen names the tiers and seats the server refers to by id. */
    public interface InventoryNames {

        InventoryNames NONE = new InventoryNames() {
        };

        default String tierName(long tierId) {
            return "that tier";
        }

        default String seatLabel(long seatId) {
            return "Seat " + seatId;
        }
    }
}
