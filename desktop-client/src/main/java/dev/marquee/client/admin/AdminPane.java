package dev.marquee.client.admin;

import dev.marquee.client.admin.audit.AuditView;
import dev.marquee.client.admin.audit.AuditViewModel;
import dev.marquee.client.admin.line.WaitingLineView;
import dev.marquee.client.admin.line.WaitingLineViewModel;
import dev.marquee.client.admin.report.ReportView;
import dev.marquee.client.admin.report.ReportViewModel;
import dev.marquee.client.admin.seats.SeatBlockView;
import dev.marquee.client.admin.seats.SeatBlockViewModel;
import dev.marquee.client.admin.setup.SetupView;
import dev.marquee.client.admin.setup.SetupViewModel;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.admin.shows.ShowsOverviewView;
import dev.marquee.client.admin.shows.ShowsOverviewViewModel;
import dev.marquee.client.admin.tiers.TiersView;
import dev.marquee.client.admin.tiers.TiersViewModel;
import dev.marquee.client.admin.vouchers.VouchersView;
import dev.marquee.client.admin.vouchers.VouchersViewModel;
import dev.marquee.client.admin.waitlist.WaitlistView;
import dev.marquee.client.admin.waitlist.WaitlistViewModel;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Parent;

/**
 * Builds the admin pane: the show list, every tool for the picked show, and the wiring between them (a pick
 * reaches every tool, a push reaches every tool, a change to the catalog reloads the list).
 */
public final class AdminPane {

    private final ShowsOverviewViewModel shows;
    private final List<ShowTool> tools = new ArrayList<>();
    private final Parent screen;

    public AdminPane(ServerApi api, TaskExecutor tasks, ShowTimes times, Locale locale) {
        shows = new ShowsOverviewViewModel(api, tasks, times.zone(), locale);
        Parent showList = ViewLoader.load(new ShowsOverviewView(shows));
        List<AdminView.Tool> screens = new ArrayList<>();
        // Tiers & sale comes first, set-up last.
        TiersViewModel tiers = new TiersViewModel(api, tasks, shows::refresh);
        add(screens, "Tiers & sale", tiers, ViewLoader.load(new TiersView(tiers)));
        SeatBlockViewModel seats = new SeatBlockViewModel(api, tasks);
        add(screens, "Seats", seats, ViewLoader.load(new SeatBlockView(seats)));
        ReportViewModel report = new ReportViewModel(api, tasks, times, Ticker.javaFx());
        add(screens, "Report", report, ViewLoader.load(new ReportView(report, Printout.toDefaultPrinter(tasks))));
        AuditViewModel audit = new AuditViewModel(api, tasks, times, locale, Ticker.javaFx(), shows.shows());
        add(screens, "Audit", audit, ViewLoader.load(new AuditView(audit)));
        VouchersViewModel vouchers = new VouchersViewModel(api, tasks, times);
        add(screens, "Vouchers", vouchers, ViewLoader.load(new VouchersView(vouchers)));
        WaitingLineViewModel line = new WaitingLineViewModel(api, tasks, times);
        add(screens, "Waiting room", line, ViewLoader.load(new WaitingLineView(line)));
        WaitlistViewModel waitlist = new WaitlistViewModel(api, tasks, times, Ticker.javaFx());
        add(screens, "Waiting list", waitlist, ViewLoader.load(new WaitlistView(waitlist)));
        SetupViewModel setup = new SetupViewModel(api, tasks, times, shows::refresh);
        add(screens, "Set up", setup, ViewLoader.load(new SetupView(setup)));
        screen = ViewLoader.load(new AdminView(shows, showList, screens));
        shows.pickedProperty().addListener((property, before, now) -> tools.forEach(tool -> tool.showPicked(now)));
    }

    public Parent screen() {
        return screen;
    }

    /** The shows whose pushes the pane wants: every listed one. */
    public ReadOnlyObjectProperty<List<Long>> watchedShowIdsProperty() {
        return shows.showIdsProperty();
    }

    public void applyAvailability(Availability availability) {
        tools.forEach(tool -> tool.applyAvailability(availability));
    }

    public void applyLine(QueueMessage line) {
        tools.forEach(tool -> tool.applyLine(line));
    }

    /** Loads the show list; the first show is picked and every tool shows it. */
    public void refresh() {
        shows.refresh();
    }

    private void add(List<AdminView.Tool> screens, String title, ShowTool tool, Parent toolScreen) {
        tools.add(tool);
        screens.add(new AdminView.Tool(title, toolScreen));
    }
}
