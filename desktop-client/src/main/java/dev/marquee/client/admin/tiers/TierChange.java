package dev.marquee.client.admin.tiers;

import dev.marquee.client.common.format.Money;
import dev.marquee.model.admin.TierPatch;
import dev.marquee.model.admin.TierView;
import dev.marquee.model.error.ErrorBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a typed price and capacity would do to one tier, worded before anything is saved, and the patch that
 * carries only the fields that really change. A blank field, or one that repeats the current value, changes
 * nothing. Worked out again whenever the typing or the tier's live figures change.
 *
 * @param priceCents      the new price, or null when the price stays
 * @param capacity        the new capacity, or null when it stays
 * @param priceProblem    why the typed price cannot be saved, or ""
 * @param capacityProblem why the typed capacity cannot be saved, or ""
 * @param impact          what saving would do, or what stands in its way, in sentences; "" when nothing is typed
 */
record TierChange(Integer priceCents, Integer capacity, String priceProblem, String capacityProblem, String impact) {

    /** The server's limits, so the field says so before the server does. */
    static final int MAX_PRICE_CENTS = 10_000_000;
    static final int MAX_CAPACITY = 1_000_000;

    static final TierChange NONE = new TierChange(null, null, "", "", "");

    /** @param capacityTyped what was typed for the capacity; ignored (pass "") for a seated tier */
    static TierChange of(TierLine tier, String priceTyped, String capacityTyped) {
        List<String> sentences = new ArrayList<>();
        String priceProblem = "";
        Integer price = null;
        String typed = blankIfNull(priceTyped);
        if (!typed.isEmpty()) {
            Optional<Long> cents = Money.parse(typed);
            if (cents.isEmpty()) {
                priceProblem = "Type the price in dollars, for example 55.00.";
            } else if (cents.get() > MAX_PRICE_CENTS) {
                priceProblem = "A price is at most " + Money.format(MAX_PRICE_CENTS) + ".";
            } else if (cents.get() != tier.priceCentsProperty().get()) {
                price = cents.get().intValue();
                sentences.add(priceImpact(tier, price));
            }
        }
        if (!priceProblem.isEmpty()) {
            sentences.add(priceProblem);
        }
        String capacityProblem = "";
        Integer capacity = null;
        typed = blankIfNull(capacityTyped);
        int committed = tier.soldProperty().get() + tier.heldProperty().get();
        if (!typed.isEmpty()) {
            if (!typed.matches("[0-9]{1,7}")) {
                capacityProblem = "Type the capacity as a whole number of tickets, for example 150.";
            } else if (Integer.parseInt(typed) > MAX_CAPACITY) {
                capacityProblem = "A tier holds at most 1,000,000 tickets.";
            } else if (Integer.parseInt(typed) < committed) {
                capacityProblem = "At least " + committed + " are needed: " + tier.soldProperty().get() + " sold + "
                        + tier.heldProperty().get() + " held.";
            } else if (Integer.parseInt(typed) != tier.capacityProperty().get()) {
                capacity = Integer.parseInt(typed);
                sentences.add(capacityImpact(tier, capacity));
            }
        }
        if (!capacityProblem.isEmpty()) {
            sentences.add(capacityProblem);
        }
        return new TierChange(price, capacity, priceProblem, capacityProblem, String.join(" ", sentences));
    }

    /** True when there is something to send and nothing stands in its way. */
    boolean canSave() {
        return (priceCents != null || capacity != null) && priceProblem.isEmpty() && capacityProblem.isEmpty();
    }

    TierPatch patch() {
        return new TierPatch(priceCents, capacity);
    }

    /** What a saved change did, from the server's answer. */
    static String saved(TierView saved, TierPatch patch) {
        String what = patch.priceCents() != null && patch.capacity() != null
                ? "new sales at " + Money.format(saved.priceCents()) + ", capacity " + saved.capacity()
                : patch.priceCents() != null ? "new sales at " + Money.format(saved.priceCents())
                : "capacity " + saved.capacity();
        return "Saved " + saved.name() + ": " + what + ".";
    }

    /**
     * The server found more tickets sold or held than the screen knew of (someone bought meanwhile): its figures
     * when it gave them, else the latest the screen has.
     */
    static String refused(ErrorBody refusal, TierLine tier, Integer requested) {
        Map<String, Object> details = refusal.details() == null ? Map.of() : refusal.details();
        int sold = details.get("sold") instanceof Number n ? n.intValue() : tier.soldProperty().get();
        int held = details.get("held") instanceof Number n ? n.intValue() : tier.heldProperty().get();
        return "Capacity " + requested + " was refused: tickets were bought or held meanwhile, and "
                + tier.nameProperty().get() + " now has " + sold + " sold and " + held + " held, so it needs at least "
                + (sold + held) + ". Nothing was saved.";
    }

    private static String priceImpact(TierLine tier, int newPriceCents) {
        int sold = tier.soldProperty().get();
        int held = tier.heldProperty().get();
        String kept;
        if (sold > 0 && held > 0) {
            kept = "the " + tickets(sold) + " already sold and the " + held + " on hold keep their price.";
        } else if (sold > 0) {
            kept = keep(sold, "already sold");
        } else if (held > 0) {
            kept = keep(held, "on hold");
        } else {
            kept = "none have been sold yet.";
        }
        return "New sales at " + Money.format(newPriceCents) + " (was "
                + Money.format(tier.priceCentsProperty().get()) + "); " + kept;
    }

    private static String capacityImpact(TierLine tier, int newCapacity) {
        int sold = tier.soldProperty().get();
        int held = tier.heldProperty().get();
        return "Capacity " + tier.capacityProperty().get() + " → " + newCapacity + ": " + sold + " sold and " + held
                + " held stay, " + (newCapacity - sold - held) + " left to sell (was "
                + tier.availableProperty().get() + ").";
    }

    private static String keep(int count, String which) {
        return count == 1 ? "the 1 ticket " + which + " keeps its price."
                : "the " + count + " tickets " + which + " keep their price.";
    }

    private static String tickets(int count) {
        return count == 1 ? "1 ticket" : count + " tickets";
    }

    private static String blankIfNull(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
