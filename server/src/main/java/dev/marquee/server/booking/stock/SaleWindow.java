package dev.marquee.server.booking.stock;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a show sells (docs/api.md, "Sale window"): while it is on sale, online until it starts, at the box office
 * until {@code doorSales} after it starts. Holds, sales and checkouts all ask here, in their own transaction.
 */
public final class SaleWindow {

    private final Duration doorSales;

    public SaleWindow(Duration doorSales) {
        this.doorSales = doorSales;
    }

    /** 409 NOT_ON_SALE unless the show, as read in this transaction at {@code now}, sells on this channel. */
    void require(boolean onSale, Instant startsAt, Instant now, Channel channel) {
        if (!onSale) {
            throw new ApiException(ErrorCode.NOT_ON_SALE, "This show is not on sale.");
        }
        if (channel == Channel.ONLINE && !now.isBefore(startsAt)) {
            throw new ApiException(ErrorCode.NOT_ON_SALE,
                    "Online sales for this show ended when it started; the box office sells at the door.");
        }
        if (channel == Channel.BOX_OFFICE && !now.isBefore(startsAt.plus(doorSales))) {
            throw new ApiException(ErrorCode.NOT_ON_SALE, "Door sales for this show have closed.");
        }
    }

    /** The check for this caller's channel: staff sell at the box office, fans online. */
    public Check forCaller(Caller caller) {
        Channel channel = caller.isStaff() ? Channel.BOX_OFFICE : Channel.ONLINE;
        return (onSale, startsAt, now) -> require(onSale, startsAt, now, channel);
    }

    /** The online window, for a hold made for a fan who is not the caller (a waiting list's offer). */
    public Check online() {
        return (onSale, startsAt, now) -> require(onSale, startsAt, now, Channel.ONLINE);
    }

    /** The window of one channel, asked with a show as a transaction read it. */
    @FunctionalInterface
    public interface Check {
        void require(boolean onSale, Instant startsAt, Instant now);
    }
}
