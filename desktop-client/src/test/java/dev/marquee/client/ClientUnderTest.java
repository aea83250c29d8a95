package dev.marquee.client;

import atlantafx.base.theme.PrimerLight;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Theme;
import dev.marquee.client.common.api.AdminApi;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.ServerMemory;
import dev.marquee.client.live.LiveFeed;
import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.admin.TierRequest;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.booking.CheckoutRequest;
import dev.marquee.model.booking.HoldRequest;
import dev.marquee.model.booking.HoldView;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.booking.RefundRequest;
import dev.marquee.model.booking.SaleRequest;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.model.booking.TierQuantity;
import dev.marquee.model.booking.WaitlistRequest;
import dev.marquee.model.boxoffice.CheckinRequest;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.WaitingRoom;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.stage.Stage;

/** The client wired as {@link MarqueeApp} wires it, but in a stage the caller owns and without saved settings. */
final class ClientUnderTest implements AutoCloseable {

    private final HttpClient http = ServerApi.newHttpClient();
    private final TaskExecutor tasks = TaskExecutor.forJavaFx();
    private final AppNavigator navigator;
    private final String server;
    private final Stage stage;

    ClientUnderTest(Stage stage, String server) {
        this.server = server;
        this.stage = stage;
        ServerMemory nothingRemembered = new ServerMemory() {
            @Override
            public String lastUsed() {
                return server;
            }

            @Override
            public void remember(String serverUrl) {
            }
        };
        navigator = new AppNavigator(stage, uri -> new ServerApi(http, uri),
                (uri, dispatcher) -> new LiveFeed(http, uri, dispatcher), tasks, nothingRemembered,
                Clock.systemDefaultZone(), Locale.UK, Theme.forApplication(Theme.Memory.none()));
        stage.setTitle("Marquee");
    }

    /** The client on the JVM's real server, its window open on the sign-in screen; call on the FX thread. */
    static ClientUnderTest atSignIn(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ClientUnderTest client = new ClientUnderTest(stage, RealServer.shared().url());
        client.showLogin();
        return client;
    }

    /** Opens the window on the sign-in screen; call on the FX thread. */
    void showLogin() {
        navigator.showLogin(server);
        stage.show();
    }

    /** Another user, through their own connection, holds tickets: a change made elsewhere. */
    void holdElsewhere(String email, String eventTitle, String tierName, int quantity) {
        ServerApi other = signedInElsewhere(email);
        long showId = showOf(other, eventTitle);
        other.hold(new HoldRequest(showId, List.of(new TierQuantity(tierOf(other, showId, tierName), quantity)), null),
                UUID.randomUUID().toString());
    }

    /** The demo clerk, through their own connection, sells one ticket by card; answers its code. */
    String sellElsewhere(String eventTitle, String tierName) {
        return sellOrderElsewhere(eventTitle, tierName).tickets().getFirst().code();
    }

    /** As {@link #sellElsewhere}, answering the whole order. */
    OrderView sellOrderElsewhere(String eventTitle, String tierName) {
        ServerApi clerk = signedInElsewhere("clerk@marquee.test");
        long showId = showOf(clerk, eventTitle);
        List<TierQuantity> one = List.of(new TierQuantity(tierOf(clerk, showId, tierName), 1));
        return clerk.sell(new SaleRequest(showId, one, null,
                new Payment(PaymentMethod.CARD, "4242424242424242", null), null), UUID.randomUUID().toString());
    }

    /** An order as the server has it now, read by the demo clerk through their own connection. */
    OrderView orderElsewhere(String orderId) {
        return signedInElsewhere("clerk@marquee.test").order(orderId);
    }

    /** The demo clerk, through their own connection, refunds one valid ticket of the tier they sold, by card. */
    void refundElsewhere(String eventTitle, String tierName) {
        ServerApi clerk = signedInElsewhere("clerk@marquee.test");
        long showId = showOf(clerk, eventTitle);
        for (OrderView order : clerk.myOrders()) {
            Optional<TicketView> ticket = order.showId() != showId ? Optional.empty() : order.tickets().stream()
                    .filter(t -> t.tierName().equals(tierName) && t.status() == TicketStatus.VALID).findFirst();
            if (ticket.isPresent()) {
                clerk.refund(order.id(), new RefundRequest(List.of(ticket.get().id())), UUID.randomUUID().toString());
                return;
            }
        }
        throw new AssertionError("The clerk sold no valid " + tierName + " ticket of " + eventTitle);
    }

    /** Another user, through their own connection, joins a show's waiting list for a tier. */
    void joinWaitlistElsewhere(String email, String eventTitle, String tierName, int quantity) {
        ServerApi other = signedInElsewhere(email);
        long showId = showOf(other, eventTitle);
        other.joinWaitlist(showId, new WaitlistRequest(tierOf(other, showId, tierName), quantity));
    }

    /** The demo clerk, through their own connection, scans a ticket in at the door. */
    void checkInElsewhere(String code) {
        signedInElsewhere("clerk@marquee.test").checkIn(new CheckinRequest(code));
    }

    /**
     * The demo admin, through their own connection, puts on a GA show of a new event at the demo hall: one tier of
     * {@code tickets}, the given waiting room, on sale now or (with {@code opensAt}) by itself later. Answers its id.
     */
    long newShowElsewhere(String title, int tickets, WaitingRoom waitingRoom, Instant opensAt) {
        AdminApi admin = signedInElsewhere("admin@marquee.test").admin();
        long eventId = admin.createEvent(new EventRequest(title, "A show made by a flow test.")).id();
        return newDateElsewhere(eventId, tickets, waitingRoom, opensAt);
    }

    /** Another date of an event made by {@link #newShowElsewhere}. */
    long newDateElsewhere(long eventId, int tickets, WaitingRoom waitingRoom, Instant opensAt) {
        AdminApi admin = signedInElsewhere("admin@marquee.test").admin();
        long venueId = admin.venues().getFirst().id();
        long showId = admin.createShow(eventId, new ShowRequest(venueId, Instant.now().plus(Duration.ofDays(30)),
                SeatingMode.GA, opensAt == null)).id();
        admin.createTier(showId, new TierRequest("Standing", 3000, tickets, null));
        admin.changeSaleSettings(showId, waitingRoom, opensAt, 10);
        return showId;
    }

    /** The event a show made by {@link #newShowElsewhere} belongs to. */
    long eventOf(long showId) {
        return signedInElsewhere("admin@marquee.test").show(showId).eventId();
    }

    /** The demo clerk, through their own connection, holds every ticket of a show's only tier; answers the hold. */
    HoldView holdAllElsewhere(long showId, int tickets) {
        ServerApi clerk = signedInElsewhere("clerk@marquee.test");
        long tierId = clerk.availability(showId).tiers().getFirst().tierId();
        return clerk.hold(new HoldRequest(showId, List.of(new TierQuantity(tierId, tickets)), null),
                UUID.randomUUID().toString());
    }

    /** The demo clerk lets a hold of theirs go, elsewhere. */
    void releaseElsewhere(String holdId) {
        signedInElsewhere("clerk@marquee.test").releaseHold(holdId);
    }

    /** The demo clerk pays a hold of theirs by card, elsewhere. */
    void checkoutElsewhere(String holdId) {
        signedInElsewhere("clerk@marquee.test").checkout(holdId, new CheckoutRequest(
                new Payment(PaymentMethod.CARD, "4242424242424242", null), null), UUID.randomUUID().toString());
    }

    /** The show's voucher with this code as the server holds it, read by the demo admin elsewhere. */
    VoucherView voucherElsewhere(long showId, String code) {
        return signedInElsewhere("admin@marquee.test").admin().vouchers(showId).stream()
                .filter(voucher -> voucher.code().equals(code)).findFirst().orElseThrow();
    }

    /** The id of the show's tier of this name, hidden ones too. */
    long tierElsewhere(long showId, String tierName) {
        return tierOf(signedInElsewhere("admin@marquee.test"), showId, tierName);
    }

    private ServerApi signedInElsewhere(String email) {
        ServerApi other = new ServerApi(http, URI.create(server));
        return other.withToken(other.login(new LoginRequest(email, "marquee-demo")).token());
    }

    private static long showOf(ServerApi api, String eventTitle) {
        return api.events().stream().filter(event -> event.title().startsWith(eventTitle))
                .flatMap(event -> event.shows().stream()).findFirst().orElseThrow().id();
    }

    private static long tierOf(ServerApi api, long showId, String tierName) {
        return api.availability(showId).tiers().stream().filter(tier -> tier.name().equals(tierName))
                .findFirst().orElseThrow().tierId();
    }

    @Override
    public void close() {
        tasks.close();
        // close() would wait for the live WebSocket to end by itself; the test is over, so cut it.
        http.shutdownNow();
    }
}
