package dev.marquee.client;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.boxoffice.RefundViewModel;
import dev.marquee.client.common.widgets.ShowEntry;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The walk the screenshots are taken on: sign-in, the box office selling general admission for cash, the seat
 * map, a ticket of that sale exchanged at the desk for a seat, the fan holding, being declined and paying, their
 * tickets, the fan in an on-sale's line waiting for the draw, every tool of the admin pane, and the dark theme.
 */
final class ScreenshotTour {

    private final Screenshots camera;
    private final ClientUnderTest client;

    ScreenshotTour(Screenshots camera, ClientUnderTest client) {
        this.camera = camera;
        this.client = client;
    }

    void run() throws Exception {
        camera.fx(() -> {
            client.showLogin();
            return null;
        });
        camera.shoot("01-sign-in");

        signIn("clerk@marquee.test");
        camera.shoot("02-box-office");
        // Someone else holds three bar tables: the box office's counts follow within a second, unasked.
        client.holdElsewhere("fan@marquee.test", "Late Night Jazz", "Bar Table", 3);
        camera.shoot("02-box-office-live-update");
        if (camera.shows("#floatField")) {
            camera.type("#floatField", "200");
            camera.press("#openDrawerButton");
        }
        typeQuantity(-1, "2");
        camera.type("#tenderedField", "60");
        camera.shoot("03-box-office-cash-sale");
        camera.press("#payButton");
        camera.shoot("04-box-office-receipt");
        String soldOrderId = camera.text("#receiptOrder").substring("Order ".length());
        camera.press("#newSaleButton");
        selectShow("Vivaldi");
        camera.fx(() -> {
            Node[] seats = camera.find("#seatMapHolder").lookupAll(".sections .seat.available").toArray(Node[]::new);
            for (int i = 7; i < 10; i++) {
                seats[i].fireEvent(mousePressed());
            }
            return null;
        });
        camera.shoot("05-box-office-seat-map");
        selectShow("Aurora");
        typeQuantity(-1, "2");
        camera.type("#voucherField", "AURORA10");
        camera.press("#applyVoucherButton");
        camera.await(() -> camera.text("#voucherNote").startsWith("AURORA10"));
        camera.shoot("20-box-office-voucher");
        selectTab(".areas", "Door");
        camera.type("#codeField", "NOT-A-TICKET");
        camera.press("#checkInButton");
        camera.shoot("05-desk-invalid-ticket");
        // One ticket of the first sale is exchanged for a Vivaldi seat, the difference paid in cash.
        openExchangeForASeat(soldOrderId);
        camera.type("#exchangeTenderedField", "100");
        camera.shoot("23-desk-exchange");
        camera.press("#confirmExchangeButton");
        camera.await(() -> camera.text("#exchangeSettled").startsWith("Change due"));
        camera.shoot("24-desk-exchange-receipt");
        camera.press("#exchangeDoneButton");
        signOut();

        signIn("fan@marquee.test");
        selectShow("Aurora");
        typeQuantity(1, "2");
        camera.shoot("06-fan-booking");
        camera.press("#holdButton");
        camera.awaitShown(".countdown");
        camera.type("#cardField", "4000 0000 0000 0002");
        camera.press("#payButton");
        camera.await(() -> camera.text(".message").startsWith("Your card was declined"));
        camera.shoot("07-fan-card-declined");
        camera.type("#cardField", "4242 4242 4242 4242");
        camera.press("#payButton");
        camera.shoot("08-fan-confirmed");
        camera.fx(() -> {
            ((TabPane) camera.find(".fan-booking-view")).getSelectionModel().selectLast();
            return null;
        });
        camera.shoot("09-fan-my-tickets");
        camera.fx(() -> {
            ((TabPane) camera.find(".fan-booking-view")).getSelectionModel().selectFirst();
            return null;
        });
        // The sold-out show: the fan asks to hear when tickets come back.
        selectShow("The Velvet Echoes");
        camera.awaitShown("#waitlistBox");
        camera.type("#waitQuantityField", "2");
        camera.press("#waitlistButton");
        camera.await(() -> camera.text("#waitMessage").startsWith("You're number"));
        camera.shoot("21-fan-waiting-list");
        // The demo's on-sale opens minutes after the data is seeded: the fan joins its line for the draw.
        selectShow("Neon Harbour");
        camera.await(() -> camera.text(".waiting-room-view .line-countdown").startsWith("The draw is in"));
        camera.shoot("17-fan-waiting-for-the-draw");
        signOut();

        signIn("admin@marquee.test");
        selectTab(".areas", "Admin");
        pickAdminShow("Aurora");
        selectTab(".admin-view .tab-pane", "Tiers");
        camera.shoot("10-admin-tiers");
        selectTab(".admin-view .tab-pane", "Report");
        camera.shoot("11-admin-report");
        pickAdminShow("Vivaldi");
        selectTab(".admin-view .tab-pane", "Seats");
        camera.shoot("12-admin-seats");
        pickAdminShow("Aurora");
        selectTab(".admin-view .tab-pane", "Audit");
        camera.shoot("13-admin-audit");
        pickAdminShow("Neon Harbour");
        selectTab(".admin-view .tab-pane", "Waiting room");
        camera.await(() -> !camera.text(".waiting-line-view .state").isEmpty());
        camera.shoot("18-admin-waiting-room");
        pickAdminShow("Aurora");
        selectTab(".admin-view .tab-pane", "Vouchers");
        camera.await(() -> !camera.find("#voucherTable").lookupAll(".table-row-cell").isEmpty());
        camera.shoot("22-admin-vouchers");
        pickAdminShow("The Velvet Echoes");
        selectTab(".admin-view .tab-pane", "Waiting list");
        camera.await(() -> !camera.find("#adminWaitlistTiers").lookupAll(".table-row-cell").isEmpty()
                && !camera.text("#adminWaitlistSummary").isEmpty());
        camera.shoot("26-admin-waiting-list");
        selectTab(".admin-view .tab-pane", "Set up");
        camera.shoot("14-admin-set-up");
        camera.press("#themeButton");
        pickAdminShow("Aurora");
        selectTab(".admin-view .tab-pane", "Vouchers");
        camera.await(() -> !camera.find("#voucherTable").lookupAll(".table-row-cell").isEmpty());
        camera.shoot("27-admin-vouchers-dark");
        selectTab(".admin-view .tab-pane", "Report");
        camera.shoot("15-admin-report-dark");
        selectTab(".areas", "Box office");
        camera.shoot("16-box-office-dark");
        selectTab(".areas", "Door");
        openExchangeForASeat(soldOrderId);
        camera.shoot("25-desk-exchange-dark");
        camera.press("#exchangeBackButton");
        selectTab(".areas", "Fan");
        selectShow("The Velvet Echoes");
        camera.awaitShown("#waitlistBox");
        camera.shoot("28-fan-waiting-list-dark");
        selectShow("Neon Harbour");
        camera.await(() -> camera.text(".waiting-room-view .line-countdown").startsWith("The draw is in"));
        camera.shoot("19-fan-waiting-for-the-draw-dark");
        camera.press("#themeButton");
    }

    /**
     * At the desk: finds the order, leaves only its first valid ticket ticked and opens its exchange for a seat of
     * Vivaldi, picked on the map.
     */
    private void openExchangeForASeat(String orderId) throws Exception {
        camera.type("#orderField", orderId);
        camera.press("#findButton");
        camera.await(() -> camera.fx(() -> !((ListView<?>) camera.find("#refundList")).getItems().isEmpty()));
        camera.fx(() -> {
            ListView<?> tickets = (ListView<?>) camera.find("#refundList");
            tickets.getItems().stream().skip(1).forEach(line -> ((RefundViewModel.Line) line).chosen().set(false));
            return null;
        });
        camera.press("#exchangeButton");
        camera.awaitShown("#exchangeShowList");
        camera.fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<ShowEntry> list = (ListView<ShowEntry>) camera.find("#exchangeShowList");
            list.getItems().stream().filter(entry -> entry.eventTitle().startsWith("Vivaldi")).findFirst()
                    .ifPresent(entry -> list.getSelectionModel().select(entry));
            return null;
        });
        camera.await(() -> camera.text("#exchangeShowTitle").startsWith("Vivaldi")
                && camera.shows("#exchangeSeatMapHolder .seat.available"));
        camera.fx(() -> {
            camera.find("#exchangeSeatMapHolder").lookupAll(".sections .seat.available").stream().skip(12)
                    .findFirst().orElseThrow().fireEvent(mousePressed());
            return null;
        });
        camera.await(() -> camera.text("#exchangeDifference").startsWith("To pay"));
    }

    /** Selects the tab whose title starts with this text, in the first tab pane the selector finds. */
    private void selectTab(String paneSelector, String titleStart) throws Exception {
        camera.fx(() -> {
            TabPane tabs = (TabPane) camera.find(paneSelector);
            tabs.getTabs().stream().filter(tab -> tab.getText().startsWith(titleStart)).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            return null;
        });
    }

    private void pickAdminShow(String titleStart) throws Exception {
        camera.fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<ShowRow> table = (TableView<ShowRow>) camera.find("#showsTable");
            table.getItems().stream().filter(row -> row.eventTitle().startsWith(titleStart)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
            return null;
        });
        camera.await(() -> camera.text(".admin-view .picked").startsWith(titleStart));
    }

    private void signIn(String email) throws Exception {
        camera.type("#emailField", email);
        camera.type("#passwordField", "marquee-demo");
        camera.press("#signInButton");
        camera.awaitShown("#signOutButton");
    }

    private void signOut() throws Exception {
        camera.press("#signOutButton");
        camera.awaitShown("#emailField");
    }

    /** Types into the quantity field of the tier at this position (negative: from the end). */
    private void typeQuantity(int tier, String quantity) throws Exception {
        camera.fx(() -> {
            Node[] fields = camera.find("#tierGrid").lookupAll(".quantity").toArray(Node[]::new);
            TextField field = (TextField) fields[tier < 0 ? fields.length + tier : tier];
            field.requestFocus();
            field.setText(quantity);
            return null;
        });
    }

    /** Picks the show in the list, again on every look until it shows: the list may still be loading. */
    private void selectShow(String titleStart) throws Exception {
        camera.await(() -> {
            camera.fx(() -> {
                @SuppressWarnings("unchecked")
                ListView<ShowEntry> list = (ListView<ShowEntry>) camera.find("#showList");
                list.getItems().stream().filter(entry -> entry.eventTitle().startsWith(titleStart)).findFirst()
                        .filter(entry -> list.getSelectionModel().getSelectedItem() != entry)
                        .ifPresent(entry -> list.getSelectionModel().select(entry));
                return null;
            });
            return camera.text("#showTitle").startsWith(titleStart) && camera.shows("#tierGrid .quantity");
        });
    }

    private static MouseEvent mousePressed() {
        return new MouseEvent(MouseEvent.MOUSE_PRESSED, 0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false, false,
                false, true, false, false, false, false, false, null);
    }
}
