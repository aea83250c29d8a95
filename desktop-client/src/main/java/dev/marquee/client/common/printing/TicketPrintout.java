package dev.marquee.client.common.printing;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The printed page of a sale: a receipt header, then one ticket per line with its QR code, seat, tier, price. */
public final class TicketPrintout {

    private static final int QR_SIZE = 132;
    private static final String CSS = Objects.requireNonNull(
            TicketPrintout.class.getResource("TicketPrintout.css")).toExternalForm();

    private TicketPrintout() {
    }

    /** The printed pages' stylesheet, for other printouts (a Z-report) to look the same. */
    public static String stylesheet() {
        return CSS;
    }

    public static Node of(Receipt receipt) {
        VBox page = new VBox();
        page.getStylesheets().add(CSS);
        page.getStyleClass().add("ticket-printout");
        page.setPadding(new Insets(24));
        page.getChildren().addAll(label(receipt.eventTitle(), "event"), label(receipt.startsAt(), "when"),
                label("Order " + receipt.orderId(), "order"));
        if (!receipt.exchangedFromOrderId().isEmpty()) {
            page.getChildren().add(label("Exchanged from order " + receipt.exchangedFromOrderId(), "order"));
        }
        page.getChildren().add(label(receipt.summary() + (receipt.changeDue().isEmpty() ? ""
                : " · change given " + receipt.changeDue()), "total"));
        for (Receipt.Line line : receipt.tickets()) {
            page.getChildren().add(ticket(receipt, line));
        }
        return page;
    }

    private static Node ticket(Receipt receipt, Receipt.Line line) {
        ImageView qr = new ImageView(QrCode.of(line.code(), QR_SIZE));
        VBox words = new VBox(label(receipt.eventTitle(), "ticket-event"), label(receipt.startsAt(), "ticket-when"),
                label(line.tier() + (line.seat().isEmpty() ? " · general admission" : " · " + line.seat()),
                        "ticket-seat"),
                label(line.price(), "ticket-price"), label(line.code(), "ticket-code"));
        words.getStyleClass().add("ticket-words");
        HBox ticket = new HBox(qr, words);
        ticket.getStyleClass().add("ticket");
        return ticket;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
