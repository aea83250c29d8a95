package dev.marquee.client.admin.report;

import dev.marquee.client.admin.shows.Coalescer;
import dev.marquee.client.admin.shows.PickedShowLoad;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.admin.ChannelSales;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.TierReport;
import dev.marquee.model.admin.VoucherSales;
import dev.marquee.model.booking.Channel;
import dev.marquee.model.catalog.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The picked show's sales: headline figures, each tier's counters and revenue, and revenue by channel. Live
 * pushes for the show mean its sales moved, so the report reloads, at most once a second however busy the
 * box office is. All methods are called on the FX thread.
 */
public final class ReportViewModel implements ShowTool {

    /** One tier's line of the report, counts as numbers for the chart and revenue worded for the table. */
    public record TierLine(String name, int capacity, int sold, int held, int available, int checkedIn,
                           String revenue) {
    }

    /** One voucher's sales, worded for the table: uses as "3 of 10", money formatted. */
    public record VoucherLine(String code, String kind, String uses, long tickets, String revenue, String discount) {
    }

    /** One sales channel's share of the revenue; label names it with its money, for the chart's slice. */
    public record ChannelLine(String label, long tickets, long revenueCents) {
    }

    static final Duration RELOAD_GAP = Duration.ofSeconds(1);
    private static final String NONE = "–";
    private static final DateTimeFormatter PRINT_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final ObservableList<TierLine> tiers = FXCollections.observableArrayList();
    private final ObservableList<TierLine> readOnlyTiers = FXCollections.unmodifiableObservableList(tiers);
    private final ObservableList<ChannelLine> channels = FXCollections.observableArrayList();
    private final ObservableList<ChannelLine> readOnlyChannels = FXCollections.unmodifiableObservableList(channels);
    private final ObservableList<VoucherLine> vouchers = FXCollections.observableArrayList();
    private final ObservableList<VoucherLine> readOnlyVouchers = FXCollections.unmodifiableObservableList(vouchers);
    private final ReadOnlyStringWrapper totalRevenue = new ReadOnlyStringWrapper(this, "totalRevenue", NONE);
    private final ReadOnlyStringWrapper ticketsSold = new ReadOnlyStringWrapper(this, "ticketsSold", NONE);
    private final ReadOnlyStringWrapper checkedIn = new ReadOnlyStringWrapper(this, "checkedIn", NONE);
    private final ReadOnlyStringWrapper online = new ReadOnlyStringWrapper(this, "online", NONE);
    private final ReadOnlyStringWrapper boxOffice = new ReadOnlyStringWrapper(this, "boxOffice", NONE);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading",
            "Pick a show on the left.");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final Coalescer reloads;
    private ShowRow show;

    public ReportViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Ticker ticker) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        PickedShowLoad<ShowReport> load = new PickedShowLoad<>(() -> show, tasks, showId -> api.admin().report(showId),
                this::fill, busy, errorMessage);
        this.reloads = new Coalescer(RELOAD_GAP, times::now, ticker, load::load);
    }

    // Properties

    public ObservableList<TierLine> tiers() {
        return readOnlyTiers;
    }

    public ObservableList<ChannelLine> channels() {
        return readOnlyChannels;
    }

    /** The show's vouchers with what each sold and gave off; empty for a show with none. */
    public ObservableList<VoucherLine> vouchers() {
        return readOnlyVouchers;
    }

    public ReadOnlyStringProperty totalRevenueProperty() {
        return totalRevenue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ticketsSoldProperty() {
        return ticketsSold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkedInProperty() {
        return checkedIn.getReadOnlyProperty();
    }

    /** "12 tickets · $600.00" sold online. */
    public ReadOnlyStringProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boxOfficeProperty() {
        return boxOffice.getReadOnlyProperty();
    }

    /** Which show the report is of, so that a printed page says so too. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** When the figures were read: "Updated 14:05". */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    /** True while the figures shown are the picked show's. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The CSV's file name: the show's. */
    public String csvName() {
        return "show-" + (show == null ? "none" : show.showId()) + "-report.csv";
    }

    /** Saves the picked show's report as CSV at {@code target}; {@code said} hears how it went, in a sentence. */
    public void exportCsv(Path target, Consumer<String> said) {
        if (show == null) {
            return;
        }
        long showId = show.showId();
        said.accept("Exporting…");
        tasks.run(() -> {
            Files.write(target, api.admin().reportCsv(showId));
            return target;
        }, saved -> said.accept("Saved the report to " + saved.getFileName() + "."),
                failure -> said.accept(failure instanceof java.io.IOException
                        ? "Could not save the file: " + failure.getMessage() : Failures.describe(failure)));
    }

    /** A file name for the printed report (saved as a picture where no printer is): the show and the time. */
    public String printName() {
        String stamp = PRINT_STAMP.format(times.now().atZone(times.zone()));
        return "report-show-" + (show == null ? "none" : show.showId()) + "-" + stamp;
    }

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        boolean sameShow = show != null && picked != null && show.showId() == picked.showId();
        show = picked;
        heading.set(picked == null ? "Pick a show on the left."
                : picked.eventTitle() + " · " + picked.startsAt() + " · " + picked.venue());
        if (!sameShow) {
            clear();
        }
        if (picked != null) {
            reloads.now();
        }
    }

    @Override
    public void applyAvailability(Availability availability) {
        if (show != null && availability.showId() == show.showId()) {
            reloads.request();
        }
    }

    public void refresh() {
        if (show != null && !busy.get()) {
            reloads.now();
        }
    }

    private void fill(ShowReport report) {
        List<TierReport> lines = report.tiers();
        int sold = lines.stream().mapToInt(TierReport::sold).sum();
        int entered = lines.stream().mapToInt(TierReport::checkedIn).sum();
        totalRevenue.set(Money.format(report.totalRevenueCents()));
        ticketsSold.set(Integer.toString(sold));
        checkedIn.set(entered + " of " + sold);
        ChannelSales web = sales(report, Channel.ONLINE);
        ChannelSales counter = sales(report, Channel.BOX_OFFICE);
        online.set(tickets(web.tickets()) + " · " + Money.format(web.revenueCents()));
        boxOffice.set(tickets(counter.tickets()) + " · " + Money.format(counter.revenueCents()));
        tiers.setAll(lines.stream().map(tier -> new TierLine(tier.name(), tier.capacity(), tier.sold(), tier.held(),
                tier.available(), tier.checkedIn(), Money.format(tier.revenueCents()))).toList());
        channels.setAll(new ChannelLine("Online " + Money.format(web.revenueCents()), web.tickets(),
                        web.revenueCents()),
                new ChannelLine("Box office " + Money.format(counter.revenueCents()), counter.tickets(),
                        counter.revenueCents()));
        vouchers.setAll((report.vouchers() == null ? List.<VoucherSales>of() : report.vouchers()).stream()
                .map(ReportViewModel::voucherLine).toList());
        updated.set("Updated " + times.timeOfDay(times.now()));
        loaded.set(true);
    }

    private void clear() {
        tiers.clear();
        channels.clear();
        vouchers.clear();
        List.of(totalRevenue, ticketsSold, checkedIn, online, boxOffice).forEach(figure -> figure.set(NONE));
        updated.set("");
        errorMessage.set("");
        loaded.set(false);
    }

    private static ChannelSales sales(ShowReport report, Channel channel) {
        ChannelSales sales = report.byChannel() == null ? null : report.byChannel().get(channel);
        return sales == null ? new ChannelSales(0, 0) : sales;
    }

    private static VoucherLine voucherLine(VoucherSales voucher) {
        String kind = switch (voucher.kind()) {
            case PERCENT -> "Percent off";
            case AMOUNT -> "Amount off";
            case UNLOCK -> "Unlocks hidden tiers";
        };
        return new VoucherLine(voucher.code(), kind, voucher.uses() + " of " + voucher.maxUses(), voucher.tickets(),
                Money.format(voucher.revenueCents()), Money.format(voucher.discountCents()));
    }

    private static String tickets(long count) {
        return count + (count == 1 ? " ticket" : " tickets");
    }
}
