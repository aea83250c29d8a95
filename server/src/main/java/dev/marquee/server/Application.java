package dev.marquee.server;

import dev.marquee.model.Json;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.AuthHttpService;
import dev.marquee.server.auth.AuthService;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.ExpiringRows;
import dev.marquee.server.booking.HoldHttpService;
import dev.marquee.server.booking.OrderHttpService;
import dev.marquee.server.booking.holds.CheckoutService;
import dev.marquee.server.booking.holds.HoldEndings;
import dev.marquee.server.booking.holds.HoldExpirySweeper;
import dev.marquee.server.booking.holds.HoldService;
import dev.marquee.server.booking.holds.OfferHolds;
import dev.marquee.server.booking.lanes.Admission;
import dev.marquee.server.booking.lanes.BookingStrategy;
import dev.marquee.server.booking.orders.CashDrawer;
import dev.marquee.server.booking.orders.ExchangeService;
import dev.marquee.server.booking.orders.OrderService;
import dev.marquee.server.booking.orders.RefundService;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.VenueLayouts;
import dev.marquee.server.booking.vouchers.VoucherHttpService;
import dev.marquee.server.booking.vouchers.VoucherService;
import dev.marquee.server.booking.waitlist.WaitingList;
import dev.marquee.server.booking.waitlist.WaitlistAdminHttpService;
import dev.marquee.server.booking.waitlist.WaitlistAdminService;
import dev.marquee.server.booking.waitlist.WaitlistHttpService;
import dev.marquee.server.booking.waitlist.WaitlistService;
import dev.marquee.server.boxoffice.CheckinHttpService;
import dev.marquee.server.boxoffice.CheckinService;
import dev.marquee.server.boxoffice.ShiftHttpService;
import dev.marquee.server.boxoffice.ShiftService;
import dev.marquee.server.catalog.CatalogHttpService;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Database;
import dev.marquee.server.db.Retention;
import dev.marquee.server.db.Statements;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.http.ClientAddresses;
import dev.marquee.server.http.ErrorResponses;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.ReadDeadlines;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.inventory.EventService;
import dev.marquee.server.inventory.InventoryHttpService;
import dev.marquee.server.inventory.SeatBlocks;
import dev.marquee.server.inventory.ShowService;
import dev.marquee.server.inventory.TierService;
import dev.marquee.server.inventory.VenueService;
import dev.marquee.server.live.InventoryListener;
import dev.marquee.server.live.LiveHub;
import dev.marquee.server.live.LiveRouting;
import dev.marquee.server.live.PersonalPushes;
import dev.marquee.server.live.PushCounters;
import dev.marquee.server.observe.BookingMetrics;
import dev.marquee.server.observe.Meters;
import dev.marquee.server.onsale.LineCounters;
import dev.marquee.server.onsale.LineGate;
import dev.marquee.server.onsale.LineHttpService;
import dev.marquee.server.onsale.LineJoins;
import dev.marquee.server.onsale.LineRounds;
import dev.marquee.server.onsale.LineService;
import dev.marquee.server.onsale.LineSettings;
import dev.marquee.server.onsale.LineViews;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.printing.TicketPdf;
import dev.marquee.server.printing.TicketPdfHttpService;
import dev.marquee.server.reports.AuditLogService;
import dev.marquee.server.reports.ReportHttpService;
import dev.marquee.server.reports.ShowReportService;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The object graph of one server, wired by hand: every dependency arrives through a constructor. */
final class Application {

    private final ReadDeadlines readDeadlines;
    private final HttpJson json;
    private final ErrorResponses errors;
    private final Health health;
    private final List<HttpService> apiServices = new ArrayList<>();
    private final List<BackgroundWork> background = new ArrayList<>();
    private final LiveHub liveHub;
    private final PersonalPushes personalPushes;
    private final BookingStrategy bookingStrategy;
    private final Meters meters;
    private final PushCounters pushes;

    Application(Settings settings, Database database, Meters meters) {
        this.meters = meters;
        this.readDeadlines = new ReadDeadlines(settings.http().readTimeout());
        this.json = new HttpJson(Json.newMapper(), readDeadlines);
        this.errors = new ErrorResponses(json, readDeadlines);
        DataSource dataSource = database.dataSource();
        Transactions transactions = new Transactions(dataSource);
        Statements statements = Statements.on(dataSource);
        Audit audit = new Audit(json.mapper());
        Idempotency idempotency = new Idempotency(transactions, json, errors);
        AuthService auth = new AuthService(statements, settings.sessions().passwordCost(), settings.signIn(),
                settings.sessions().ttl(), settings.sessions().cacheTtl());
        background.add(auth.sessionLookups());
        background.add(auth.passwordHashing());
        Authenticator authenticator = new Authenticator(auth);
        health = new Health(dataSource);

        apiServices.add(new AuthHttpService(auth, authenticator,
                new ClientAddresses(settings.signIn().trustedProxies()), json));
        CatalogService catalog = new CatalogService(transactions, statements);
        apiServices.add(new CatalogHttpService(catalog, authenticator, json));
        LineCounters lineCounters = LineCounters.registeredIn(meters);
        LineJoins lineJoins = new LineJoins(transactions, settings.line().admissionWindow(), lineCounters);
        background.add(lineJoins);
        LineService lines = new LineService(transactions, statements, lineJoins);
        apiServices.add(new LineHttpService(lines, authenticator, json));
        LineViews lineViews = new LineViews(transactions, statements, audit);
        // Pinged three times per idle timeout, a quiet client's pongs keep its connection from idling out.
        liveHub = new LiveHub(catalog, lines::status, settings.http().idleTimeout().dividedBy(3));
        background.add(liveHub);
        personalPushes = new PersonalPushes(token -> {
            Caller caller = auth.authenticate(token);
            return new PersonalPushes.Identity(caller.id(), caller.isStaff());
        },
                entryId -> WaitlistService.offerOf(transactions, entryId));
        background.add(new InventoryListener(database::directConnection, liveHub,
                new InventoryListener.SessionEvents() {
                    @Override
                    public void ended(String tokenDigest) {
                        auth.sessionEnded(tokenDigest);
                    }

                    @Override
                    public void forgetAll() {
                        auth.forgetCachedSessions();
                    }
                }, lineViews, personalPushes));
        CashDrawer cashDrawer = new CashDrawer(transactions);
        VenueLayouts venueLayouts = new VenueLayouts();
        Settings.Booking booking = settings.booking();
        SaleWindow saleWindow = new SaleWindow(booking.doorSales());
        bookingStrategy = BookingStrategy.named(booking.strategy(), transactions,
                new SaleService(audit, OrderHttpService.saleAnswers(json, errors), venueLayouts, saleWindow),
                booking.lanes(), booking.laneLimits(), meters);
        meters.gauge("marquee_lane_queue_depth", "Bookings waiting in the lanes for their show's next batch.",
                bookingStrategy::queued);
        Admission admission = new Admission(database::waitingForConnection, settings.database().poolMaxWaiting(),
                bookingStrategy);
        LineSettings lineSettings = settings.line();
        background.add(new LineRounds(transactions, lineSettings, audit, lineCounters, admission::underPressure));
        pushes = PushCounters.registeredIn(meters);
        BookingMetrics bookingMetrics = new BookingMetrics(meters);
        WaitingList waitingList = new WaitingList(new OfferHolds(venueLayouts, saleWindow, booking.waitlistOffer()),
                audit);
        HoldEndings holdEndings = new HoldEndings(waitingList, waitingList);
        HoldService holdService = new HoldService(transactions, audit, booking.holdTtl(), venueLayouts, saleWindow,
                holdEndings);
        apiServices.add(new HoldHttpService(holdService,
                new CheckoutService(audit, saleWindow, holdEndings), cashDrawer, bookingStrategy, admission,
                new LineGate(lineViews, statements), authenticator, idempotency, json, bookingMetrics));
        OrderService orderService = new OrderService(transactions);
        apiServices.add(new OrderHttpService(new RefundService(audit, waitingList),
                new ExchangeService(audit, venueLayouts, saleWindow, waitingList), orderService, cashDrawer,
                bookingStrategy, admission, authenticator, idempotency, json, bookingMetrics));
        apiServices.add(new WaitlistHttpService(new WaitlistService(transactions, waitingList, holdService, audit),
                authenticator, json));
        apiServices.add(new WaitlistAdminHttpService(new WaitlistAdminService(statements), authenticator, json));
        apiServices.add(new VoucherHttpService(new VoucherService(transactions, audit), authenticator, json));
        apiServices.add(new TicketPdfHttpService(orderService, catalog, new TicketPdf(settings.printing().timeZone()),
                authenticator));
        background.add(new HoldExpirySweeper(transactions, audit, booking.expirySweepInterval(), holdEndings));
        List<Retention.Rule> expiring = new ArrayList<>(ExpiringRows.of(settings.signIn()));
        expiring.add(Idempotency.expiringKeys(settings.retention().idempotencyKeys()));
        background.add(new Retention(transactions, settings.retention().interval(), settings.retention().batchSize(),
                expiring, batch -> meters.counter("marquee_retention_deleted_total",
                        "Rows the retention sweep deleted, by table.", "table", batch.getKey())
                        .increment(batch.getValue())));
        apiServices.add(new InventoryHttpService(new VenueService(statements, audit),
                new EventService(statements, audit), new ShowService(transactions, audit),
                new TierService(transactions, audit, waitingList), new SeatBlocks(transactions, audit, waitingList),
                authenticator, json));
        apiServices.add(new ShiftHttpService(new ShiftService(statements, audit), authenticator, json));
        apiServices.add(new CheckinHttpService(new CheckinService(statements, audit), authenticator, json));
        apiServices.add(new ReportHttpService(new ShowReportService(statements),
                new AuditLogService(statements, json.mapper()), authenticator, json));
    }

    HttpJson json() {
        return json;
    }

    ErrorResponses errors() {
        return errors;
    }

    /** Told by the web server when each request's first line and headers arrive. */
    ReadDeadlines readDeadlines() {
        return readDeadlines;
    }

    WsRouting.Builder liveRouting() {
        return LiveRouting.routing(liveHub, personalPushes, json.mapper(), pushes);
    }

    Meters meters() {
        return meters;
    }

    Health health() {
        return health;
    }

    HttpService[] apiServices() {
        return apiServices.toArray(HttpService[]::new);
    }

    void startBackgroundWork() {
        background.forEach(BackgroundWork::start);
    }

    void stopBackgroundWork(Duration grace) {
        readDeadlines.close();
        bookingStrategy.close(grace);
        background.forEach(work -> work.stop(grace));
    }
}
