package dev.marquee.client.common.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Dollars as people read and type them; the wire only ever carries whole cents. */
public final class Money {

    private Money() {
    }

    public static String format(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    /**
     * What a clerk typed as an amount ("20", "20.5", "$1,020.50") in cents; empty when it is not an amount of
     * money or has fractions of a cent.
     */
    public static Optional<Long> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.strip().replace("$", "").replace(",", "").strip();
        if (!plain.matches("[0-9]{1,9}(\\.[0-9]{0,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain).setScale(2, RoundingMode.UNNECESSARY).movePointRight(2)
                .longValueExact());
    }
}
