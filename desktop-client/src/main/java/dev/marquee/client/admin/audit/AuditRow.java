package dev.marquee.client.admin.audit;

import dev.marquee.client.common.format.Money;
import dev.marquee.model.admin.AuditEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One audit entry worded for a person: local time, who, what (in words, not the server's code) and the
 * details the server's audit writers record for that kind of change. Keys this client does not know are shown
 * as key=value, so nothing the server records is ever hidden.
 */
public record AuditRow(String when, String actor, String action, String actionCode, String show, String details) {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("SALE", "Sale"), Map.entry("REFUND", "Refund"), Map.entry("CHECK_IN", "Check-in"),
            Map.entry("HOLD_RELEASED", "Hold released"), Map.entry("HOLD_EXPIRED", "Hold expired"),
            Map.entry("SHIFT_OPENED", "Drawer opened"), Map.entry("SHIFT_CLOSED", "Drawer closed"),
            Map.entry("VENUE_CREATED", "Venue created"), Map.entry("EVENT_CREATED", "Event created"),
            Map.entry("SHOW_CREATED", "Show created"), Map.entry("SHOW_ON_SALE_CHANGED", "Sale state changed"),
            Map.entry("TIER_CREATED", "Tier created"), Map.entry("TIER_CHANGED", "Tier changed"),
            Map.entry("SEATS_BLOCKED", "Seats blocked"), Map.entry("SEATS_UNBLOCKED", "Seats unblocked"),
            Map.entry("SHOW_SETTINGS_CHANGED", "Sale settings changed"),
            Map.entry("LINE_ENGAGED", "Waiting line engaged"), Map.entry("LINE_DISENGAGED", "Waiting line disengaged"),
            Map.entry("LINE_DRAWN", "On-sale draw"), Map.entry("LINE_SOLD_OUT", "Line told: sold out"));

    private static final Map<String, String> SETTINGS = Map.of("waitingRoom", "waiting room",
            "onSaleAt", "on sale at", "maxTicketsPerAccount", "tickets per account");

    private static String orNone(Object value) {
        return value == null ? "none" : String.valueOf(value);
    }

    /** How each known key reads; the order here is the order on screen (the server's JSON order is not kept). */
    private static final Map<String, Function<Object, String>> KEYS = keys();

    public static AuditRow of(AuditEntry entry, DateTimeFormatter when, Function<Long, String> showName) {
        return new AuditRow(when.format(entry.at()), entry.actor(), actionWords(entry.action()), entry.action(),
                entry.showId() == null ? "" : showName.apply(entry.showId()), details(entry.details(), when));
    }

    /** The action in words; a code this client does not know yet is shown as the server wrote it. */
    private static String actionWords(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    static String details(Map<String, Object> details, DateTimeFormatter when) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        Map<String, Object> left = new LinkedHashMap<>(details);
        for (String key : List.of("startsAt", "checkedInAt")) {
            left.computeIfPresent(key, (name, value) -> localTime(value, when));
        }
        List<String> parts = new ArrayList<>();
        // What changed comes first (after the tier it is about), then everything else in KEYS order.
        take(left, List.of("name", "title", "tierId"), parts);
        change(left, "oldCapacity", "newCapacity", "capacity", String::valueOf, parts);
        change(left, "oldPriceCents", "newPriceCents", "price", AuditRow::money, parts);
        if (left.containsKey("from") && left.get("to") instanceof Boolean onSale) {
            left.remove("from");
            left.remove("to");
            parts.add(onSale ? "put on sale" : "taken off sale");
        }
        if (left.containsKey("firstNumber") && left.containsKey("lastNumber")) {
            parts.add("numbers " + left.remove("firstNumber") + "–" + left.remove("lastNumber"));
        }
        for (String setting : List.of("waitingRoom", "onSaleAt", "maxTicketsPerAccount")) {
            if (left.get(setting) instanceof Map<?, ?> fromTo) {
                left.remove(setting);
                parts.add(SETTINGS.get(setting) + " " + orNone(fromTo.get("from")) + " → " + orNone(fromTo.get("to")));
            }
        }
        take(left, List.copyOf(KEYS.keySet()), parts);
        left.keySet().stream().sorted().forEach(key -> parts.add(key + "=" + left.get(key)));
        return String.join(" · ", parts);
    }

    private static void take(Map<String, Object> left, List<String> keys, List<String> parts) {
        for (String key : keys) {
            if (left.containsKey(key)) {
                String part = KEYS.get(key).apply(left.remove(key));
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
    }

    /** "capacity 200 → 150"; nothing when the value stayed (a price change leaves the capacity as it was). */
    private static void change(Map<String, Object> left, String before, String after, String name,
                               Function<Object, String> words, List<String> parts) {
        if (left.containsKey(before) && left.containsKey(after)) {
            Object was = left.remove(before);
            Object now = left.remove(after);
            if (!String.valueOf(was).equals(String.valueOf(now))) {
                parts.add(name + " " + words.apply(was) + " → " + words.apply(now));
            }
        }
    }

    private static Map<String, Function<Object, String>> keys() {
        Map<String, Function<Object, String>> keys = new LinkedHashMap<>();
        keys.put("name", value -> "“" + value + "”");
        keys.put("title", value -> "“" + value + "”");
        keys.put("tierId", value -> "tier " + value);
        keys.put("tiers", AuditRow::tiers);
        keys.put("ticketIds", value -> value instanceof List<?> ids ? count(ids.size(), "ticket") : "tickets " + value);
        keys.put("seatIds", AuditRow::seats);
        keys.put("capacity", value -> "capacity " + value);
        keys.put("sections", value -> value instanceof Number n ? count(n.longValue(), "section")
                : "sections " + value);
        keys.put("priceCents", value -> "price " + money(value));
        keys.put("totalCents", value -> "total " + money(value));
        keys.put("amountCents", value -> "refunded " + money(value));
        keys.put("openingFloatCents", value -> "float " + money(value));
        keys.put("expectedCashCents", value -> "expected " + money(value));
        keys.put("countedCashCents", value -> "counted " + money(value));
        keys.put("varianceCents", AuditRow::variance);
        keys.put("paymentMethod", value -> "CASH".equals(value) ? "cash" : "CARD".equals(value) ? "card"
                : "paid by " + value);
        keys.put("channel", value -> "ONLINE".equals(value) ? "online" : "BOX_OFFICE".equals(value) ? "box office"
                : "channel " + value);
        keys.put("seatingMode", value -> "SEATED".equals(value) ? "seated" : "GA".equals(value)
                ? "general admission" : "seating " + value);
        keys.put("startsAt", value -> "starts " + value);
        keys.put("onSale", value -> Boolean.TRUE.equals(value) ? "on sale" : "not on sale");
        keys.put("reason", value -> "reason: " + value);
        keys.put("places", value -> value + " places drawn");
        keys.put("told", value -> "told " + value + " waiting");
        keys.put("idleSeconds", value -> "idle " + value + " s");
        keys.put("scheduledFor", value -> "scheduled for " + value);
        keys.put("orderSha256", value -> "order SHA-256 " + value);
        keys.put("checkedInAt", value -> "checked in at " + value);
        for (String id : List.of("event", "venue", "order", "hold", "shift", "ticket")) {
            keys.put(id + "Id", value -> id + " " + value);
        }
        return keys;
    }

    /** "2 × tier 7 at $45.00, 1 × tier 8 at $25.00" (refunds and holds carry no price). */
    private static String tiers(Object value) {
        if (!(value instanceof List<?> lines)) {
            return "tiers " + value;
        }
        return lines.stream().map(line -> line instanceof Map<?, ?> tier
                ? tier.get("quantity") + " × tier " + tier.get("tierId")
                        + (tier.get("unitPriceCents") == null ? "" : " at " + money(tier.get("unitPriceCents")))
                : String.valueOf(line)).collect(Collectors.joining(", "));
    }

    private static String seats(Object value) {
        if (!(value instanceof List<?> ids)) {
            return "seats " + value;
        }
        if (ids.isEmpty()) {
            return "";
        }
        return (ids.size() == 1 ? "seat " : "seats ")
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String variance(Object value) {
        if (!(value instanceof Number cents)) {
            return "variance " + value;
        }
        long v = cents.longValue();
        return v == 0 ? "balanced" : v > 0 ? money(v) + " over" : money(-v) + " short";
    }

    private static String money(Object cents) {
        return cents instanceof Number n ? Money.format(n.longValue()) : String.valueOf(cents);
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    /** The audit's times: to the second, in the user's zone, because several changes often share a minute. */
    static DateTimeFormatter timeFormat(ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", locale).withZone(zone);
    }

    private static Object localTime(Object value, DateTimeFormatter when) {
        try {
            return value instanceof String text ? when.format(Instant.parse(text)) : value;
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
