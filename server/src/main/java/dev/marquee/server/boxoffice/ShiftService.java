package dev.marquee.server.boxoffice;

import dev.marquee.model.boxoffice.ShiftCloseRequest;
import dev.marquee.model.boxoffice.ShiftOpenRequest;
import dev.marquee.model.boxoffice.ShiftReport;
import dev.marquee.model.boxoffice.ShiftView;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.boxoffice.ShiftLedger.Figures;
import dev.marquee.server.boxoffice.ShiftLedger.Shift;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cash drawer shifts: one open shift per staff member, its running figures, and the close that freezes them.
 * A shift is its owner's alone: to anyone else it does not exist (404), as another fan's order does not.
 */
public final class ShiftService {

    static final long MAX_FLOAT_CENTS = 100_000_000L;
    static final long MAX_COUNTED_CENTS = 10_000_000_000L;

    private final Statements statements;
    private final Audit audit;

    public ShiftService(Statements statements, Audit audit) {
        this.statements = statements;
        this.audit = audit;
    }

    ShiftView open(Caller caller, ShiftOpenRequest request) {
        long openingFloat = Validate.range("openingFloatCents", request.openingFloatCents(), 0L, MAX_FLOAT_CENTS);
        return statements.transaction(db -> {
            UUID shiftId = UUID.randomUUID();
            // The partial unique index decides between two opens racing; the loser inserts nothing.
            Optional<Instant> openedAt = ShiftLedger.open(db, shiftId, caller.id(), openingFloat);
            if (openedAt.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>();
                ShiftLedger.findOpen(db, caller.id()).ifPresent(open -> details.put("shiftId", open.toString()));
                throw new ApiException(ErrorCode.SHIFT_CONFLICT,
                        "You already have an open shift. Close it before opening another.", details);
            }
            audit.record(db, caller.email(), "SHIFT_OPENED", null,
                    Map.of("shiftId", shiftId.toString(), "openingFloatCents", openingFloat));
            return new ShiftView(shiftId.toString(), openedAt.get(), openingFloat);
        });
    }

    /** The caller's open shift with its figures so far. */
    ShiftReport current(Caller caller) {
        return statements.snapshot(db -> ShiftLedger.findOpen(db, caller.id())
                .flatMap(shiftId -> ShiftLedger.find(db, shiftId, false))
                .map(shift -> ShiftLedger.report(db, shift))
                .orElseThrow(() -> ApiException.notFound("You have no open shift.")));
    }

    /** One of the caller's shifts, open or closed (a closed one answers its Z-report again). */
    ShiftReport get(Caller caller, UUID shiftId) {
        return statements.snapshot(db -> ShiftLedger.report(db, owned(
                ShiftLedger.find(db, shiftId, false), caller, shiftId)));
    }

    /**
     * Closes the caller's shift. The row lock waits for the caller's sales and refunds in flight (they hold the
     * row FOR SHARE), so every one of them is counted, and none can join the shift afterwards.
     */
    ShiftReport close(Caller caller, UUID shiftId, ShiftCloseRequest request) {
        long counted = Validate.range("countedCashCents", request.countedCashCents(), 0L, MAX_COUNTED_CENTS);
        return statements.transaction(db -> {
            Shift shift = owned(ShiftLedger.find(db, shiftId, true), caller, shiftId);
            if (shift.closedAt() != null) {
                throw new ApiException(ErrorCode.SHIFT_CONFLICT, "This shift is already closed.",
                        Map.of("closedAt", shift.closedAt()));
            }
            Figures figures = ShiftLedger.running(db, shiftId);
            long expected = ShiftLedger.expectedCash(shift.openingFloatCents(), figures);
            Instant closedAt = ShiftLedger.close(db, shiftId, counted, figures, expected);
            ShiftReport report = ShiftLedger.report(shift, closedAt, counted, figures);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("shiftId", shiftId.toString());
            details.put("expectedCashCents", report.expectedCashCents());
            details.put("countedCashCents", counted);
            details.put("varianceCents", report.varianceCents());
            audit.record(db, caller.email(), "SHIFT_CLOSED", null, details);
            return report;
        });
    }

    private static Shift owned(Optional<Shift> shift, Caller caller, UUID shiftId) {
        return shift.filter(found -> found.staffId().equals(caller.id()))
                .orElseThrow(() -> ApiException.notFound("There is no shift " + shiftId + " of yours."));
    }
}
