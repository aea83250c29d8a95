package dev.marquee.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The server's packages: plumbing (database, HTTP, errors, idempotency, audit, metrics, background work) that knows
 * no feature, and features (one package each) that use one another only along the lines drawn here. The root
 * package wires them all.
 */
@AnalyzeClasses(packages = "dev.marquee.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SERVER = "dev.marquee.server.";

    /** The booking core's stock and lock order: the one home of every FOR UPDATE on tiers and seats. */
    private static final String STOCK = "booking.stock";
    /** Orders, refunds, payments and the sale transaction that makes an order. */
    private static final String ORDERS = "booking.orders";
    /** The lanes that batch sales per show, and admission control. */
    private static final String LANES = "booking.lanes";
    /** Holds, their expiry and checkout. */
    private static final String HOLDS = "booking.holds";
    /** Vouchers: their codes, prices and uses, and the admin's list of them. */
    private static final String VOUCHERS = "booking.vouchers";
    /** The waiting list of sold-out shows and its offers. */
    private static final String WAITLIST = "booking.waitlist";

    private static final List<String> FEATURES = List.of("auth", "catalog", "booking", STOCK, ORDERS, LANES, HOLDS,
            VOUCHERS, WAITLIST,
            "boxoffice", "inventory", "onsale", "live", "reports", "printing");

    private static final String[] PLUMBING = packages("db", "http", "error", "idempotency", "audit", "observe",
            "platform");

    /** Plumbing is shared by every feature and depends on none of them, nor on the wiring. */
    @ArchTest
    static final ArchRule plumbingKnowsNoFeature = noClasses()
            .that().resideInAnyPackage(PLUMBING)
            .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES.toArray(String[]::new)))
            .orShould().dependOnClassesThat().resideInAPackage("dev.marquee.server");

    /**
     * Helidon's HTTP types stay at the edge: the HTTP services, the HTTP and idempotency plumbing, the WebSocket
     * endpoint, the booking metrics' filter, the sign-in check that reads a request's token, and the wiring.
     */
    @ArchTest
    static final ArchRule onlyTheEdgeSpeaksHttp = noClasses()
            .that().haveSimpleNameNotEndingWith("HttpService")
            .and().resideOutsideOfPackages(packages("http", "idempotency", "live", "observe"))
            .and().resideOutsideOfPackage("dev.marquee.server")
            .and().doNotHaveFullyQualifiedName(SERVER + "auth.Authenticator")
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon.http..", "io.helidon.webserver..",
                    "io.helidon.websocket..");

    @ArchTest
    static final ArchRule authUsesNoFeature = featureUsesOnly("auth");

    /** The catalog asks who is signed in only to show staff the hidden tiers. */
    @ArchTest
    static final ArchRule catalogUsesAuth = featureUsesOnly("catalog", "auth");

    /** The stock answers 404 for an unknown show and sells by the caller's channel, and knows nothing else. */
    @ArchTest
    static final ArchRule stockUsesAuthAndCatalog = featureUsesOnly(STOCK, "auth", "catalog");

    @ArchTest
    static final ArchRule reportsUseAuthAndCatalog = featureUsesOnly("reports", "auth", "catalog");

    /** Print-at-home tickets print an order as its reader may see it, with its show's venue. */
    @ArchTest
    static final ArchRule printingUsesAuthCatalogAndOrders = featureUsesOnly("printing", "auth", "catalog", ORDERS);

    @ArchTest
    static final ArchRule boxOfficeUsesAuthAndStock = featureUsesOnly("boxoffice", "auth", STOCK);

    @ArchTest
    static final ArchRule onSaleUsesAuthCatalogAndStock = featureUsesOnly("onsale", "auth", "catalog", STOCK);

    @ArchTest
    static final ArchRule inventoryUsesAuthCatalogOnSaleAndStock =
            featureUsesOnly("inventory", "auth", "catalog", "onsale", STOCK);

    @ArchTest
    static final ArchRule liveUsesAuthCatalogOnSaleStockAndWaitlist =
            featureUsesOnly("live", "auth", "catalog", "onsale", STOCK, WAITLIST);

    /**
     * The booking package itself is the HTTP edge of bookings (its routes and request parsing); below it the
     * subpackages stack without cycles: stock, then orders, then lanes and holds side by side.
     */
    @ArchTest
    static final ArchRule bookingEdgeUsesItsPartsAndWhatBookingsCheck = featureUsesOnly("booking",
            "auth", "catalog", "boxoffice", "onsale", STOCK, ORDERS, LANES, HOLDS, VOUCHERS);

    /** The waiting list hears of returned stock and ended holds, and offers holds; its routes check the caller. */
    @ArchTest
    static final ArchRule waitlistUsesAuthCatalogHoldsAndStock =
            featureUsesOnly(WAITLIST, "auth", "catalog", HOLDS, STOCK);

    /** Vouchers price an allocation of stock; their admin checks the caller and the show. */
    @ArchTest
    static final ArchRule vouchersUseAuthCatalogAndStock = featureUsesOnly(VOUCHERS, "auth", "catalog", STOCK);

    /** A sale makes an order from stock; refunds give it back; a cash payment needs the clerk's open drawer. */
    @ArchTest
    static final ArchRule ordersUseAuthCatalogBoxOfficeStockAndVouchers =
            featureUsesOnly(ORDERS, "auth", "catalog", "boxoffice", STOCK, VOUCHERS);

    /** Lanes batch the sales of orders; they know nothing of holds. */
    @ArchTest
    static final ArchRule lanesUseOrdersAndStock = featureUsesOnly(LANES, ORDERS, STOCK);

    /** Holds take stock under the line's pass, and a checkout turns one into an order (cash into the drawer). */
    @ArchTest
    static final ArchRule holdsUseAuthBoxOfficeOnSaleOrdersStockAndVouchers =
            featureUsesOnly(HOLDS, "auth", "boxoffice", "onsale", ORDERS, STOCK, VOUCHERS);

    /** Classes of {@code feature} (its own package) depend on no feature but the ones named. */
    private static ArchRule featureUsesOnly(String feature, String... allowed) {
        List<String> permitted = Arrays.asList(allowed);
        String[] others = FEATURES.stream()
                .filter(other -> !other.equals(feature) && !permitted.contains(other))
                .filter(other -> !other.startsWith(feature + "."))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(packageOf(feature))
                .should().dependOnClassesThat().resideInAnyPackage(exact(others))
                .allowEmptyShould(true);
    }

    /** A feature's own package only (booking, not booking.stock), so a subpackage can be a feature of its own. */
    private static String[] exact(String[] features) {
        return Arrays.stream(features).map(ArchitectureTest::packageOf).toArray(String[]::new);
    }

    private static String packageOf(String feature) {
        return SERVER + feature;
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(name -> SERVER + name + "..").toArray(String[]::new);
    }
}
