package dev.marquee.server.booking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import dev.marquee.server.http.RequestBody;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Checks of request fields shared by holds, checkouts, sales and refunds. */
final class BookingRequests {

    private static final int MAX_NAME = 200;

    private BookingRequests() {
    }

    /**
     * The show a request body names, read straight from the JSON so that a busy show's requests can be refused
     * before the rest is read; empty when it names none or no valid id (the full checks say why later).
     */
    static OptionalLong showIdIn(RequestBody body) {
        JsonNode showId = body.json().get("showId");
        return showId != null && showId.isIntegralNumber() && showId.canConvertToLong() && showId.asLong() > 0
                ? OptionalLong.of(showId.asLong()) : OptionalLong.empty();
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
