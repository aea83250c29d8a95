package dev.marquee.server.auth;

import dev.marquee.model.auth.Role;
import dev.marquee.model.auth.UserView;
import dev.marquee.server.error.ApiException;
import java.util.UUID;

/** The signed-in user a request acts for. */
public record Caller(UUID id, String email, String displayName, Role role) {

    /** Box-office staff: CLERK, and ADMIN who may do everything CLERK may. */
    public boolean isStaff() {
        return role == Role.CLERK || role == Role.ADMIN;
    }

    public Caller requireStaff() {
        if (!isStaff()) {
            throw ApiException.forbidden("Only box-office staff may do this.");
        }
        return this;
    }

    public Caller requireAdmin() {
        if (role != Role.ADMIN) {
            throw ApiException.forbidden("Only an administrator may do this.");
        }
        return this;
    }

    public UserView view() {
        return new UserView(id.toString(), email, displayName, role);
    }
}
