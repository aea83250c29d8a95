package dev.marquee.server.booking.stock;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.util.List;

/** What a hold or sale asks for: quantities per tier (GA or best available), or chosen seats. */
public sealed interface BookingItems {

    int MAX_QUANTITY = 10;
    int MAX_SEATS = 10;

    record TierQuantities(List<TierQuantity> items) implements BookingItems {
    }

    record ChosenSeats(List<Long> seatIds) implements BookingItems {
    }

    /** Checks the request's {@code items} or {@code seatIds}: exactly one of them, within the contract's limits. */
    static BookingItems of(List<TierQuantity> items, List<Long> seatIds) {
        if ((items == null) == (seatIds == null)) {
            throw ApiException.validation("items",
                    "Send either 'items' (tier quantities) or 'seatIds' (chosen seats), not both and not neither.");
        }
        if (seatIds != null) {
            List<Long> seats = Validate.distinctList("seatIds", seatIds, MAX_SEATS);
            Validate.positiveIds("seatIds", seats);
            return new ChosenSeats(seats);
        }
        List<TierQuantity> checked = Validate.distinctList("items", items, MAX_QUANTITY);
        for (int i = 0; i < checked.size(); i++) {
            TierQuantity item = checked.get(i);
            long tierId = Validate.present("items[" + i + "].tierId", item.tierId());
            if (tierId <= 0) {
                throw ApiException.validation("items[" + i + "].tierId", "Field 'items[" + i + "].tierId' must be a positive id.");
            }
            Validate.range("items[" + i + "].quantity", item.quantity(), 1, MAX_QUANTITY);
        }
        if (checked.stream().map(TierQuantity::tierId).distinct().count() != checked.size()) {
            throw ApiException.validation("items", "Each tier may appear only once in 'items'.");
        }
        return new TierQuantities(checked);
    }
}
