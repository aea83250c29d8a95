package dev.marquee.server.observe;

import dev.marquee.server.error.ApiException;
import io.helidon.http.HttpException;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Handler;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts every booking request (holds, checkouts, box-office sales) by outcome and times it, from the moment its
 * route's handler starts to the moment it is answered or fails. The booking routes wrap their handlers with
 * {@link #timed}, so what is counted is decided where the booking is routed, not by matching paths.
 */
public final class BookingMetrics {

    /** What a booking request is. */
    public enum Kind {
        HOLD("hold"), CHECKOUT("checkout"), SALE("sale");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final List<String> OUTCOMES = List.of("ok", "rejected", "refused", "failed");

    private final Map<Kind, Map<String, Counter>> counters = new EnumMap<>(Kind.class);
    private final Map<Kind, Timer> timers = new EnumMap<>(Kind.class);

    public BookingMetrics(Meters meters) {
        // Every series exists from the start, so a scrape before the first booking already shows zeros.
        for (Kind kind : Kind.values()) {
            Map<String, Counter> byOutcome = new HashMap<>();
            OUTCOMES.forEach(outcome -> byOutcome.put(outcome, meters.counter("marquee_bookings_total",
                    "Booking requests answered, by kind and outcome (ok, rejected 4xx, refused 429, failed 5xx).",
                    "kind", kind.label, "outcome", outcome)));
            counters.put(kind, byOutcome);
            timers.put(kind, meters.timer("marquee_booking_seconds",
                    "Time from routing a booking request to its answer.", "kind", kind.label));
        }
    }

    /** {@code handler}, counted and timed as a booking of this kind. */
    public Handler timed(Kind kind, Handler handler) {
        return (request, response) -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                handler.handle(request, response);
                status = response.status().code();
            } catch (ApiException refused) {
                status = refused.code().httpStatus();
                throw refused;
            } catch (HttpException unreadable) {
                status = unreadable.status().code();
                throw unreadable;
            } finally {
                counters.get(kind).get(outcomeOf(status)).increment();
                timers.get(kind).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    static String outcomeOf(int status) {
        if (status < 400) {
            return "ok";
        }
        if (status == 429) {
            return "refused";
        }
        return status < 500 ? "rejected" : "failed";
    }
}
