package dev.marquee.model.boxoffice;

/** A ticket code as the door scanner typed it. */
public record CheckinRequest(String code) {
}
