package dev.marquee.client.boxoffice;

import dev.marquee.client.common.format.Money;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.booking.TicketView;
import java.util.List;

/**
 * The money of an exchange in the clerk's words: what is to pay or to give back before it, what to do after it.
 * Money given back goes to the first order's payment method, which the order says ({@code paymentMethod}; an
 * order from a server that does not say is told without where the money goes).
 */
final class ExchangeMoney {

    private ExchangeMoney() {
    }

    /** What the tickets given back are worth: the prices they were sold at, as the server counts them. */
    static long credit(List<TicketView> given) {
        return given.stream().mapToLong(TicketView::priceCents).sum();
    }

    /** Before confirming: owed is the new tickets less the tickets given back, in cents. */
    static String difference(long owed, OrderView from) {
        return owed > 0 ? "To pay " + Money.format(owed)
                : owed < 0 ? "To give back " + Money.format(-owed) + whereBack(from)
                : "Even: nothing to pay or give back";
    }

    /** After it: "Change due $5.00", "Paid $20.00 by card", "Give back $10.00 in cash" or even. */
    static String settled(OrderView made, OrderView from) {
        long back = givenBackCents(made);
        return back > 0 ? "Give back " + Money.format(back) + whereBack(from)
                : made.totalCents() == 0 ? "Even: nothing to pay or give back"
                : made.changeDueCents() != null ? "Change due " + Money.format(made.changeDueCents())
                : "Paid " + Money.format(made.totalCents()) + " by card";
    }

    /** True when the exchange took cash into the drawer or may have paid cash out of it. */
    static boolean cashMoved(OrderView made, OrderView from) {
        return made.changeDueCents() != null || givenBackCents(made) > 0 && from.paymentMethod() != PaymentMethod.CARD;
    }

    private static long givenBackCents(OrderView made) {
        return made.refundedCents() == null ? 0 : made.refundedCents();
    }

    private static String whereBack(OrderView from) {
        return from.paymentMethod() == null ? ""
                : from.paymentMethod() == PaymentMethod.CASH ? " in cash" : " to the card it was paid with";
    }
}
