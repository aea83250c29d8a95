package dev.marquee.model.auth;

/** Who a user is to Marquee. ADMIN may do everything CLERK may. */
public enum Role {
    FAN, CLERK, ADMIN
}
