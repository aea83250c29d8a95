package dev.marquee.model.line;

/** Where a fan's place in a show's line stands. */
public enum PlaceState {
    /** In line: {@code position} counts down to 1, or the place awaits the draw at the show's opening. */
    WAITING,
    /** May hold tickets until {@code admittedUntil}. */
    ADMITTED,
    /** The admission passed unused; joining again goes to the back. */
    EXPIRED,
    /** Nothing left to sell and nothing held that could come back. */
    SOLD_OUT,
    /** The fan left the line. */
    LEFT
}
