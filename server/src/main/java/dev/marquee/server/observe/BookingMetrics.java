package dev.marquee.server.observe;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every booking request (holds, checkouts, box-office sales) by outcome and times it, from the moment the
 * server routes it to the moment its answer is written.
 */
public final class BookingMetrics implements Filter {

    private final Metrics metrics;

    private static final List<String> KINDS = List.of("hold", "checkout", "sale");
    private static final List<String> OUTCOMES = List.of("ok", "rejected", "refused", "failed");

    public BookingMetrics(Metrics metrics) {
        this.metrics = metrics;
        // Every series exists from the start, so a scrape before the first booking already shows zeros.
        for (String kind : KINDS) {
            OUTCOMES.forEach(outcome -> counter(kind, outcome));
            histogram(kind);
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String kind = request.prologue().method() == Method.POST ? kindOf(request.path().path()) : null;
        if (kind == null) {
            chain.proceed();
            return;
        }
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            counter(kind, outcomeOf(response.status().code())).increment();
            histogram(kind).recordNanos(System.nanoTime() - start);
        }
    }

    private LongAdder counter(String kind, String outcome) {
        return metrics.counter("marquee_bookings_total",
                "Booking requests answered, by kind and outcome (ok, rejected 4xx, refused 429, failed 5xx).",
                "kind=\"" + kind + "\",outcome=\"" + outcome + "\"");
    }

    private Histogram histogram(String kind) {
        return metrics.histogram("marquee_booking_seconds", "Time from routing a booking request to its answer.",
                "kind=\"" + kind + "\"");
    }

    static String kindOf(String path) {
        if (path.equals("/api/sales")) {
            return "sale";
        }
        if (path.equals("/api/holds")) {
            return "hold";
        }
        if (path.startsWith("/api/holds/") && path.endsWith("/checkout")) {
            return "checkout";
        }
        return null;
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
