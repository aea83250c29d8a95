package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;

/**
 * The simulated payment terminal. Card numbers must pass the Luhn check; {@value #DECLINING_CARD} is always
 * declined and every other valid number approves. Cash is taken only at the box office.
 */
public final class Payments {

    static final String DECLINING_CARD = "4000000000000002";
    private static final long MAX_TENDERED_CENTS = 100_000_000L;

    /** What was taken: the method, and for cash the amount tendered and the change due. */
    public record Settled(PaymentMethod method, Long tenderedCents, Long changeDueCents, String cardLast4) {
    }

    private Payments() {
    }

    /** Checks the payment's shape before anything runs; the amount is checked by {@link #settle}. */
    public static Payment check(Payment payment, Caller caller) {
        Validate.present("payment", payment);
        PaymentMethod method = Validate.present("payment.method", payment.method());
        if (method == PaymentMethod.CASH) {
            if (!caller.isStaff()) {
                throw ApiException.forbidden("Cash is taken only at the box office. Please pay by card.");
            }
            Validate.range("payment.tenderedCents", payment.tenderedCents(), 0L, MAX_TENDERED_CENTS);
            return new Payment(method, null, payment.tenderedCents());
        }
        String digits = Validate.present("payment.cardNumber", payment.cardNumber()).replaceAll("[ -]", "");
        if (!digits.matches("[0-9]{12,19}") || !luhnValid(digits)) {
            throw ApiException.validation("payment.cardNumber", "That card number is not valid. Please check it.");
        }
        return new Payment(method, digits, null);
    }

    /** Takes the money for the total, or refuses: a declined card is 402, too little cash is 400. */
    public static Settled settle(Payment payment, long totalCents) {
        if (payment.method() == PaymentMethod.CASH) {
            long tendered = payment.tenderedCents();
            if (tendered < totalCents) {
                throw ApiException.validation("payment.tenderedCents", "The cash tendered (" + dollars(tendered)
                        + ") is less than the total (" + dollars(totalCents) + ").");
            }
            return new Settled(PaymentMethod.CASH, tendered, tendered - totalCents, null);
        }
        if (payment.cardNumber().equals(DECLINING_CARD)) {
            throw new ApiException(ErrorCode.PAYMENT_DECLINED,
                    "The card was declined. Nothing was charged; please try another card.");
        }
        String number = payment.cardNumber();
        return new Settled(PaymentMethod.CARD, null, null, number.substring(number.length() - 4));
    }

    static String dollars(long cents) {
        return "$" + cents / 100 + "." + String.format("%02d", cents % 100);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
