package dev.marquee.client.booking;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.WaitlistEntryView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The fan's orders, newest first, each ticket with the price paid and the code on its QR. */
public final class MyTicketsViewModel {

    /** One ticket of one order, worded for a table. */
    public record TicketRow(String event, String when, String tier, String seat, String price, String code,
                            String status, String orderId) {
    }

    /** One waiting-list entry, worded: the show, the tier and quantity, and where it stands. */
    public record WaitRow(String show, String wanted, String standing) {
    }

    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<WaitRow> waiting = FXCollections.observableArrayList();
    private final ObservableList<WaitRow> readOnlyWaiting = FXCollections.unmodifiableObservableList(waiting);
    private final ObservableList<TicketRow> readOnlyTickets = FXCollections.unmodifiableObservableList(tickets);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper savedMessage = new ReadOnlyStringWrapper(this, "savedMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;

    public MyTicketsViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
    }

    // Properties

    public ObservableList<TicketRow> tickets() {
        return readOnlyTickets;
    }

    /** The fan's waiting-list entries, newest first. */
    public ObservableList<WaitRow> waiting() {
        return readOnlyWaiting;
    }

    /** Shows the entries as the waiting list reported them; {@code names} words each show and tier. */
    public void showWaiting(List<WaitlistEntryView> entries, java.util.function.LongFunction<String> showName,
                            java.util.function.LongFunction<String> tierName) {
        waiting.setAll(entries.stream().map(entry -> new WaitRow(showName.apply(entry.showId()),
                entry.quantity() + " × " + tierName.apply(entry.tierId()), standing(entry))).toList());
    }

    private String standing(WaitlistEntryView entry) {
        return switch (entry.state()) {
            case WAITING -> "Waiting: number " + entry.position() + " in line";
            case OFFERED -> "Held for you until " + (entry.offer() == null ? "soon"
                    : times.timeOfDay(entry.offer().expiresAt())) + ": check out under Book tickets";
            case FULFILLED -> "Bought";
            case EXPIRED -> "The offer lapsed";
            case LEFT -> "Left the list";
        };
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Where the last PDF was saved, as a sentence; "" before any. */
    public ReadOnlyStringProperty savedMessageProperty() {
        return savedMessage.getReadOnlyProperty();
    }

    /** The file name a PDF of the row's order is offered under. */
    public static String pdfFileName(TicketRow row) {
        return "tickets-" + row.orderId() + ".pdf";
    }

    // Commands

    public void refresh() {
        busy.set(true);
        tasks.run(api::myOrders, orders -> {
            busy.set(false);
            errorMessage.set("");
            tickets.setAll(orders.stream().flatMap(order -> rows(order).stream()).toList());
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    /** Saves the row's order's valid tickets as a PDF to print at home, at {@code target}. */
    public void savePdf(TicketRow row, Path target) {
        busy.set(true);
        savedMessage.set("");
        tasks.run(() -> {
            Files.write(target, api.ticketsPdf(row.orderId()));
            return target;
        }, saved -> {
            busy.set(false);
            errorMessage.set("");
            savedMessage.set("Saved the tickets of " + row.event() + " to " + saved.getFileName() + ".");
        }, failure -> {
            busy.set(false);
            errorMessage.set(failure instanceof java.io.IOException ? "Could not save the file: " + failure.getMessage()
                    : Failures.describe(failure));
        });
    }

    private List<TicketRow> rows(OrderView order) {
        Receipt receipt = Receipt.of(order, times);
        return receipt.tickets().stream().map(line -> new TicketRow(receipt.eventTitle(), receipt.startsAt(),
                line.tier(), line.seat(), line.price(), line.code(), line.status(), order.id())).toList();
    }
}
