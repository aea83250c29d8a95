package dev.marquee.client.admin;

/** One line of the event list: a show of an event, already worded for the screen. */
public record ShowRow(long showId, String eventTitle, String startsAt, String venue, String seating, String sale) {
}
