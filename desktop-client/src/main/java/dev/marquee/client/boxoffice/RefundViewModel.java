package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.RefundRequest;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Refunds at the counter: find the order by its id, tick the tickets going back (all by default), refund (or
 * exchange them, {@link ExchangeViewModel}). The refund is sent with an idempotency key that survives a lost answer,
 * so a retry never refunds twice.
 */
public final class RefundViewModel {

    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** One ticket of the order found, and whether it goes back. */
    public record Line(TicketView ticket, BooleanProperty chosen) {
        public String describe() {
            return ticket.tierName() + (ticket.seatLabel() == null ? "" : ", seat " + ticket.seatLabel()) + " · "
                    + Money.format(ticket.priceCents()) + " · " + ticket.code();
        }
    }

    private final StringProperty orderId = new SimpleStringProperty(this, "orderId", "");
    private final ReadOnlyObjectWrapper<OrderView> order = new ReadOnlyObjectWrapper<>(this, "order");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final RetrySafeRequest<RefundRequest> attempt;
    private final Runnable refunded;

    /** @param refunded told after every refund, so the drawer's figures follow */
    public RefundViewModel(ServerApi api, TaskExecutor tasks, RetrySafeRequest<RefundRequest> attempt,
                           Runnable refunded) {
        this.api = api;
        this.tasks = tasks;
        this.attempt = attempt;
        this.refunded = refunded;
    }

    // Properties

    public StringProperty orderIdProperty() {
        return orderId;
    }

    public ReadOnlyObjectProperty<OrderView> orderProperty() {
        return order.getReadOnlyProperty();
    }

    /** "Late Night Jazz · Cal Clerk · PAID", and how many of its tickets were exchanged, if any. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The tickets that can still be refunded. */
    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void find() {
        String id = orderId.get() == null ? "" : orderId.get().strip();
        if (!ORDER_ID.matcher(id).matches()) {
            message.set("Type the order id printed on the receipt, like 01a205bd-453f-7fff-ac23-7713061fd7c7.");
            return;
        }
        busy.set(true);
        message.set("");
        tasks.run(() -> api.order(id), found -> {
            busy.set(false);
            attempt.abandon();
            show(found);
            message.set(lines.isEmpty() ? "Nothing left to refund on this order." : "");
        }, failure -> {
            busy.set(false);
            message.set(Failures.describe(failure));
        });
    }

    /** Refunds the ticked tickets; when every remaining ticket is ticked, the whole order. */
    public void refund() {
        OrderView current = order.get();
        if (current == null || busy.get()) {
            return;
        }
        List<String> chosen = lines.stream().filter(line -> line.chosen().get()).map(line -> line.ticket().id())
                .toList();
        if (chosen.isEmpty()) {
            message.set("Tick at least one ticket to refund.");
            return;
        }
        RefundRequest request = attempt.unsettled()
                .orElseGet(() -> new RefundRequest(chosen.size() == lines.size() ? null : chosen));
        RetrySafeRequest.Attempt<RefundRequest> sending = attempt.start(request);
        long back = lines.stream().filter(line -> line.chosen().get()).mapToLong(line -> line.ticket().priceCents())
                .sum();
        busy.set(true);
        tasks.run(() -> api.refund(current.id(), sending.request(), sending.key()), after -> {
            attempt.finish(null);
            busy.set(false);
            show(after);
            message.set("Refunded " + chosen.size() + (chosen.size() == 1 ? " ticket: " : " tickets: ")
                    + "give back " + Money.format(back) + ".");
            refunded.run();
        }, failure -> {
            attempt.finish(failure);
            busy.set(false);
            message.set(Failures.describe(failure) + (attempt.unsettled().isPresent()
                    ? " The refund may have gone through: press Refund again (it cannot refund twice)." : ""));
        });
    }

    /** The ticked tickets, for an exchange to give back; a message says so when none is. */
    public List<TicketView> chosenForExchange() {
        List<TicketView> chosen = lines.stream().filter(line -> line.chosen().get()).map(Line::ticket).toList();
        message.set(order.get() == null ? "Find the order first."
                : chosen.isEmpty() ? "Tick at least one ticket to exchange." : "");
        return order.get() == null ? List.of() : chosen;
    }

    /** Reads the order shown again (an exchange changed it), saying what happened. */
    public void reload(String note) {
        OrderView current = order.get();
        if (current == null) {
            return;
        }
        message.set(note);
        tasks.run(() -> api.order(current.id()), this::show,
                failure -> message.set(note + " " + Failures.describe(failure)));
    }

    private void show(OrderView found) {
        long exchanged = found.tickets().stream().filter(ticket -> ticket.status() == TicketStatus.EXCHANGED).count();
        summary.set(found.eventTitle() + " · " + found.customerName() + " · " + found.status()
                + (exchanged == 0 ? "" : " · " + exchanged + " exchanged"));
        order.set(found);
        lines.setAll(found.tickets().stream().filter(ticket -> ticket.status() == TicketStatus.VALID)
                .map(ticket -> new Line(ticket, new SimpleBooleanProperty(true))).toList());
    }
}
