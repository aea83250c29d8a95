package dev.marquee.server.boxoffice;

import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The staff member's open shift, as booking sees it. Call these FIRST in a booking transaction: the shift row
 * comes before the hold or order row in the global lock order. The row is read {@code FOR SHARE}, so a close of
 * the same shift waits for sales in flight and then counts them, and a sale that queued behind a close finds the
 * shift closed; sales by one clerk never wait for each other.
 */
public final class Shifts {

    private static final String OPEN_SHIFT = "SELECT id FROM shifts WHERE staff_id = ? AND closed_at IS NULL FOR SHARE";

    private Shifts() {
    }

    /** The staff member's open shift, share-locked until the transaction ends; empty when none is open. */
    public static Optional<UUID> openShiftOf(Tx tx, UUID staffId) {
        return tx.first(OPEN_SHIFT, row -> Tx.uuid(row, "id"), staffId);
    }

    /** Adds the look-up of a staff member's open shift, share-locked, to {@code reads}; {@code found} hears its id. */
    public static void openShiftOf(Pipeline reads, UUID staffId, Consumer<UUID> found) {
        reads.query(OPEN_SHIFT, row -> {
            found.accept(Tx.uuid(row, "id"));
            return null;
        }, staffId);
    }

    /** The caller's open shift, share-locked; 409 SHIFT_CONFLICT when they have none (cash needs a drawer). */
    public static UUID requireOpenShift(Tx tx, Caller caller) {
        return openShiftOf(tx, caller.id()).orElseThrow(Shifts::noOpenShift);
    }

    /**
     * The shift a staff member's order or refund belongs to: their open shift, share-locked. Cash needs one
     * (409 SHIFT_CONFLICT); card without one, and anything a fan does, belongs to no shift (null).
     */
    public static UUID forPayment(Tx tx, Caller caller, PaymentMethod method) {
        if (!caller.isStaff()) {
            return null;
        }
        Optional<UUID> shift = openShiftOf(tx, caller.id());
        if (method == PaymentMethod.CASH && shift.isEmpty()) {
            throw noOpenShift();
        }
        return shift.orElse(null);
    }

    public static ApiException noOpenShift() {
        return new ApiException(ErrorCode.SHIFT_CONFLICT, "Open a cash drawer shift before taking cash.");
    }
}
