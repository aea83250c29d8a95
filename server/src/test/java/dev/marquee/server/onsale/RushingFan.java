package dev.marquee.server.onsale;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fan in an on-sale rush, behaving as the desktop client does, for the rush tests. */
final class RushingFan {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    /** How one fan's rush ended (BOUGHT, SOLD_OUT or what went wrong), the number it had, every status it heard. */
    record Outcome(String end, Long number, List<Integer> statuses) {
    }

    private RushingFan() {
    }

    /** One fan: hold one ticket; when sent to the line, wait in it (polling as a client without /ws would). */
    static Outcome buy(ApiClient fan, Shows.Show show) {
        List<Integer> statuses = new ArrayList<>();
        Long number = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse hold = WaitingRoomTest.hold(fan, show, 1);
            statuses.add(hold.status());
            if (hold.status() == 201) {
                ApiResponse paid = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                        Map.of("payment", CARD));
                statuses.add(paid.status());
                return new Outcome(paid.status() == 201 ? "BOUGHT" : "CHECKOUT_" + paid.status(), number, statuses);
            }
            if ("INSUFFICIENT_INVENTORY".equals(hold.error())) {
                return new Outcome("SOLD_OUT", number, statuses);
            }
            if (!"QUEUE_REQUIRED".equals(hold.error())) {
                return new Outcome("HOLD_" + hold.status() + "_" + hold.error(), number, statuses);
            }
            JsonNode[] place = {fan.post("/api/shows/" + show.id() + "/queue", "").body()};
            if (place[0].path("state").asText().equals("WAITING")) {
                // Polling, as a client without /ws would, until the place leaves WAITING.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    place[0] = fan.get("/api/shows/" + show.id() + "/queue/me").body();
                    return !place[0].path("state").asText().equals("WAITING");
                });
            }
            number = place[0].path("number").isNumber() ? place[0].get("number").asLong() : number;
            if (place[0].path("state").asText().equals("SOLD_OUT")) {
                return new Outcome("SOLD_OUT", number, statuses);
            }
        }
        return new Outcome("TIMED_OUT", number, statuses);
    }
}
