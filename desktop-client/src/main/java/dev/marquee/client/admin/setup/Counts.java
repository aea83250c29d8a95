package dev.marquee.client.admin.setup;

import java.util.Locale;

/** Numbers as the set-up screen words them: "1 section", "20,000 seats". */
final class Counts {

    private Counts() {
    }

    static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String of(int n, String thing) {
        return number(n) + " " + thing + (n == 1 ? "" : "s");
    }
}
