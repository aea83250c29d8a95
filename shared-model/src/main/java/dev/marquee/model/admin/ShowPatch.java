package dev.marquee.model.admin;

public record ShowPatch(Boolean onSale) {
}
