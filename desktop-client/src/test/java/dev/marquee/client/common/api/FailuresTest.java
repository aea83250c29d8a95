package dev.marquee.client.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private final Failures.InventoryNames names = new Failures.InventoryNames() {
        @Override
        public String tierName(long tierId) {
            return tierId == 7 ? "Bar Table" : "?";
        }

        @Override
        public String seatLabel(long seatId) {
            return "Orchestra Row 1 Seat " + seatId;
        }
    };

    @Test
    void insufficientInventoryNamesTheTierAndHowManyAreLeft() {
        ApiException failure = api(ErrorCode.INSUFFICIENT_INVENTORY, "Not enough.",
                Map.of("tierId", 7, "requested", 5, "available", 3));

        assertEquals("Only 3 left in Bar Table; you asked for 5.", Failures.describe(failure, names));
    }

    @Test
    void insufficientInventoryWithNoneLeftSaysSo() {
        ApiException failure = api(ErrorCode.INSUFFICIENT_INVENTORY, "Not enough.",
                Map.of("tierId", 7, "requested", 2, "available", 0));

        assertEquals("No tickets left in Bar Table.", Failures.describe(failure, names));
    }

    @Test
    void enoughLeftButNotTogetherKeepsTheServersAdvice() {
        ApiException failure = api(ErrorCode.INSUFFICIENT_INVENTORY,
                "There are no 4 seats together left in Bar Table. Please choose seats on the map.",
                Map.of("tierId", 7, "requested", 4, "available", 9));

        assertEquals("There are no 4 seats together left in Bar Table. Please choose seats on the map.",
                Failures.describe(failure, names));
    }

    @Test
    void unavailableSeatsAreNamedByTheirLabels() {
        ApiException failure = api(ErrorCode.SEAT_UNAVAILABLE, "Seats [5, 6] are gone.",
                Map.of("seatIds", List.of(5, 6)));

        assertEquals("Orchestra Row 1 Seat 5, Orchestra Row 1 Seat 6 are no longer available. Please choose again.",
                Failures.describe(failure, names));
    }

    @Test
    void otherErrorsShowTheServersSentence() {
        assertEquals("Open a cash drawer shift before taking cash.", Failures.describe(
                api(ErrorCode.SHIFT_CONFLICT, "Open a cash drawer shift before taking cash.", null), names));
    }

    @Test
    void onlyLostOrUnfinishedAnswersLeaveTheOutcomeUnknown() {
        assertTrue(Failures.outcomeUnknown(new ServerUnreachableException("gone", null)));
        assertTrue(Failures.outcomeUnknown(new ApiException(503, new ErrorBody(ErrorCode.SERVICE_UNAVAILABLE, "x",
                null))));
        assertTrue(Failures.outcomeUnknown(api(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "x", null)));
        assertFalse(Failures.outcomeUnknown(api(ErrorCode.PAYMENT_DECLINED, "x", null)));
        assertFalse(Failures.outcomeUnknown(api(ErrorCode.INSUFFICIENT_INVENTORY, "x", null)));
        assertFalse(Failures.outcomeUnknown(new IllegalStateException("bug")));
    }

    private static ApiException api(ErrorCode code, String message, Map<String, Object> details) {
        return new ApiException(code.httpStatus(), new ErrorBody(code, message, details));
    }
}
