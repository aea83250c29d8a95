package dev.marquee.model.admin;

/** One tier's waiting list: entries waiting and the tickets they want, and offers out (holds not yet bought). */
public record WaitlistTierLength(long tierId, String name, int waitingEntries, int waitingTickets,
                                 int offeredEntries) {
}
