package dev.marquee.server.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.model.admin.ShowPatch;
import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.http.RequestBody;
import java.time.Instant;
import java.util.List;

/**
 * A {@code PATCH /api/admin/shows/{id}}: any subset of the show's sale settings. {@code onSaleAt} and
 * {@code maxTicketsPerAccount} may be sent as null (no scheduled opening, no limit), which is not the same as
 * leaving them out, so whether each was given is kept beside its value.
 */
record ShowChange(Boolean onSale, WaitingRoom waitingRoom, boolean onSaleAtGiven, Instant onSaleAt,
                  boolean maxTicketsGiven, Integer maxTicketsPerAccount) {

    private static final List<String> FIELDS = List.of("onSale", "waitingRoom", "onSaleAt", "maxTicketsPerAccount");

    static ShowChange of(RequestBody body) {
        ShowPatch patch = body.as(ShowPatch.class);
        if (FIELDS.stream().noneMatch(body.json()::has)) {
            throw ApiException.validation("Give at least one of " + String.join(", ", FIELDS) + " to change.");
        }
        JsonNode onSaleAt = body.json().get("onSaleAt");
        if (onSaleAt != null && !onSaleAt.isNull() && !onSaleAt.isTextual()) {
            throw ApiException.validation("onSaleAt",
                    "Field 'onSaleAt' must be an ISO-8601 UTC timestamp such as \"2026-07-15T20:00:00Z\", or null.");
        }
        if (body.json().has("onSale") && body.json().get("onSale").isNull()) {
            throw ApiException.validation("onSale", "Field 'onSale' must be true or false.");
        }
        if (body.json().has("waitingRoom") && body.json().get("waitingRoom").isNull()) {
            throw ApiException.validation("waitingRoom", "Field 'waitingRoom' must be \"AUTO\", \"ON\" or \"OFF\".");
        }
        return new ShowChange(patch.onSale(), patch.waitingRoom(), onSaleAt != null, patch.onSaleAt(),
                body.json().has("maxTicketsPerAccount"), patch.maxTicketsPerAccount());
    }
}
