package dev.marquee.model.boxoffice;

/** Opens the caller's cash drawer shift with the float in the drawer. */
public record ShiftOpenRequest(Long openingFloatCents) {
}
