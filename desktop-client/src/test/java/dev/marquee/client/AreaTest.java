package dev.marquee.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.model.auth.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaTest {

    @Test
    void workspaceFollowsTheRole() {
        assertEquals(List.of(Area.BOX_OFFICE, Area.DESK), Area.forRole(Role.CLERK));
        assertEquals(List.of(Area.FAN_BOOKING), Area.forRole(Role.FAN));
        assertEquals(List.of(Area.BOX_OFFICE, Area.DESK, Area.FAN_BOOKING, Area.ADMIN), Area.forRole(Role.ADMIN));
    }
}
