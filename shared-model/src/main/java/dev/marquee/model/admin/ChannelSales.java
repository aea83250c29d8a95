package dev.marquee.model.admin;

/** Live tickets sold through one channel and their revenue. */
public record ChannelSales(long tickets, long revenueCents) {
}
