package dev.marquee.server.onsale;

import dev.marquee.model.line.QueuePlace;

/** A join's answer: the place, and whether this join made it (201) or found it already there (200). */
public record Joined(QueuePlace place, boolean created) {
}
