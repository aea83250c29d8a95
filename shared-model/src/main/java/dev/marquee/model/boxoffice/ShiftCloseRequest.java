package dev.marquee.model.boxoffice;

/** Closes a shift with the cash counted in the drawer. */
public record ShiftCloseRequest(Long countedCashCents) {
}
