package dev.marquee.model.catalog;

/** When a show's on-sale line is engaged: by demand (AUTO, every show's default), always (ON) or never (OFF). */
public enum WaitingRoom {
    AUTO,
    ON,
    OFF
}
