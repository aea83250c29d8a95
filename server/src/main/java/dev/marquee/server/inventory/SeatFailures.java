package dev.marquee.server.inventory;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The answers about seats a request names; details carry every id, the message only the first few. */
final class SeatFailures {

    private static final int IDS_IN_MESSAGE = 10;

    private SeatFailures() {
    }

    /** Ids in a request body that are not seats of the show: the body is wrong, so 400 (path ids answer 404). */
    static ApiException notOfShow(long showId, List<Long> seatIds) {
        return new ApiException(ErrorCode.VALIDATION_FAILED,
                "Show " + showId + " has no seat " + listed(seatIds) + ".",
                Map.of("field", "seatIds", "seatIds", seatIds));
    }

    static ApiException unavailable(String why, List<Long> seatIds) {
        return new ApiException(ErrorCode.SEAT_UNAVAILABLE, why + ": " + listed(seatIds) + ".",
                Map.of("seatIds", seatIds));
    }

    private static String listed(List<Long> ids) {
        String shown = ids.stream().limit(IDS_IN_MESSAGE).map(String::valueOf).collect(Collectors.joining(", "));
        return ids.size() > IDS_IN_MESSAGE ? shown + " and " + (ids.size() - IDS_IN_MESSAGE) + " more" : shown;
    }
}
