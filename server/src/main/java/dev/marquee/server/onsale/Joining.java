package dev.marquee.server.onsale;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.UUID;

/**
 * Places for a batch of accounts joining one show's line, in one transaction that locks the line's row once:
 * numbers are handed out in arrival order with no gaps, and every instance's joins queue for the same row, so
 * numbers are unique however many instances take joins.
 */
final class Joining {

    private Joining() {
    }

    /**
     * Each account's place, in the order given; the line's row is locked and saved. Two round trips: the locks and
     * reads, then the writes.
     */
    static Map<UUID, Joined> joinAll(Tx tx, long showId, SequencedCollection<UUID> userIds, Duration window) {
        Line[] locked = new Line[1];
        Map<UUID, Place> existing = new HashMap<>();
        Pipeline reads = tx.pipeline();
        Lines.addLock(reads, showId, line -> locked[0] = line);
        Places.addLockAll(reads, showId, userIds, existing);
        reads.run();
        Line line = locked[0];
        if (line == null) {
            throw CatalogService.showNotFound(showId);
        }
        if (!line.onSale && !line.beforeOpening()) {
            throw new ApiException(ErrorCode.NOT_ON_SALE, "This show is not on sale, and no opening is scheduled.");
        }
        Map<UUID, Joined> answers = new LinkedHashMap<>();
        List<Place> renewed = new ArrayList<>();
        boolean moved = false;
        for (UUID userId : userIds) {
            Place place = existing.get(userId);
            if (place != null && place.live(line)) {
                answers.put(userId, new Joined(place.view(line), false));
                continue;
            }
            Place fresh = newPlace(line, userId, window);
            moved |= fresh.state() != dev.marquee.model.line.PlaceState.ADMITTED;
            renewed.add(fresh);
            answers.put(userId, null);
        }
        if (line.waiting > 0) {
            line.idleSince = null;
        }
        Pipeline writes = tx.pipeline();
        Places.addSaveAll(writes, showId, renewed);
        Lines.addSave(writes, line);
        if (moved) {
            LineNotices.addAnnounce(writes, showId);
        }
        writes.run();
        for (Place place : renewed) {
            answers.put(place.userId(), new Joined(place.view(line), true));
        }
        return answers;
    }

    /**
     * Before the show opens: a place without a number, for the draw. Sold out: told so at once. A line that is
     * engaged: the next number, waiting. Otherwise: the next number, admitted at once.
     */
    private static Place newPlace(Line line, UUID userId, Duration window) {
        if (line.beforeOpening()) {
            line.waiting++;
            line.awaitingDraw++;
            return Place.waiting(line.showId, userId, null);
        }
        long number = line.takeNumber();
        if (line.soldOut) {
            return Place.soldOut(line.showId, userId, number);
        }
        if (line.engaged()) {
            line.waiting++;
            return Place.waiting(line.showId, userId, number);
        }
        line.nowServing = number;
        return Place.admitted(line.showId, userId, number, line.now, line.now.plus(window));
    }
}
