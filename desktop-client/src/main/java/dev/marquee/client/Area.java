package dev.marquee.client;

import dev.marquee.model.auth.Role;
import java.util.List;

/** The areas of work a role gets after sign-in, in the order their tabs appear. */
enum Area {
    BOX_OFFICE("Box office"),
    DESK("Door, refunds & drawer"),
    FAN_BOOKING("Fan booking"),
    ADMIN("Admin");

    private final String title;

    Area(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** ADMIN may do everything CLERK may, and sees what a fan sees. */
    static List<Area> forRole(Role role) {
        return switch (role) {
            case CLERK -> List.of(BOX_OFFICE, DESK);
            case FAN -> List.of(FAN_BOOKING);
            case ADMIN -> List.of(BOX_OFFICE, DESK, FAN_BOOKING, ADMIN);
        };
    }
}
