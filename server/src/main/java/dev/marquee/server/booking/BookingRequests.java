package dev.marquee.server.booking;

import dev.marquee.server.auth.Caller;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Validate;
import java.util.List;
import java.util.UUID;

/** Checks of request fields shared by holds, checkouts, sales and refunds. */
final class BookingRequests {

    private static final int MAX_NAME = 200;

    private BookingRequests() {
    }

    static long showId(Long showId) {
        long id = Validate.present("showId", showId);
        if (id <= 0) {
            throw ApiException.validation("showId", "Field 'showId' must be a positive id.");
        }
        return id;
    }

    /** The name printed on the order; a fan who gives none is named by their account. */
    static String customerName(String given, Caller caller) {
        String name = Validate.optionalText("customerName", given, MAX_NAME);
        return name == null || name.isEmpty() ? caller.displayName() : name;
    }

    /** Ticket ids to refund; null (omitted) means all of the order's valid tickets. */
    static List<UUID> ticketIds(List<String> ticketIds) {
        if (ticketIds == null) {
            return null;
        }
        List<String> ids = Validate.distinctList("ticketIds", ticketIds, 100);
        return ids.stream().map(id -> {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("ticketIds", "'" + abbreviate(id) + "' is not a ticket id.");
            }
        }).toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
