package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.model.booking.SaleRequest;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The box office: the show list, the sale of the selected show, and the cash drawer. All methods are called
 * on the FX thread.
 */
public final class BoxOfficeViewModel {

    private final ShowBrowser shows;
    private final SaleViewModel sale;
    private final ShiftViewModel shift;

    public BoxOfficeViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times,
                              RetrySafeRequest<SaleRequest> saleAttempt) {
        this(api, tasks, times, saleAttempt, new ShiftViewModel(api, tasks, times));
    }

    /** @param shift the clerk's drawer, shared with the desk so both show the same figures */
    public BoxOfficeViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times,
                              RetrySafeRequest<SaleRequest> saleAttempt, ShiftViewModel shift) {
        this.shift = shift;
        this.sale = new SaleViewModel(api, tasks, times, saleAttempt, this::countsSeen, shift::refresh);
        // A cash sale refused for want of a drawer is fixed by opening one: the refusal's sentence goes with it.
        shift.openProperty().addListener((property, wasOpen, open) -> {
            if (open) {
                sale.drawerOpened();
            }
        });
        this.shows = new ShowBrowser(api, tasks, times, sale::show);
    }

    // Properties

    public ShowBrowser shows() {
        return shows;
    }

    public SaleViewModel sale() {
        return sale;
    }

    public ShiftViewModel shift() {
        return shift;
    }

    // Commands

    public void refresh() {
        shows.refresh();
        shift.refresh();
    }

    /** The live hook: the dispatcher hands every availability push here; the list and the sale both follow. */
    public void applyAvailability(Availability availability) {
        sale.applyAvailability(availability);
    }

    /** The live hook for waiting lines: the show list says how many fans wait online (the counter never queues). */
    public void applyLine(QueueMessage line) {
        shows.applyLine(line);
    }

    private void countsSeen(Availability availability) {
        shows.applyAvailability(availability);
    }

    /** The shows this screen wants live updates for. */
    public ReadOnlyObjectProperty<List<Long>> watchedShowIdsProperty() {
        return shows.showIdsProperty();
    }
}
