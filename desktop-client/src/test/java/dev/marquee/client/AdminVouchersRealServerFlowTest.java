package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.vouchers.VoucherRow;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherView;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The administrator's vouchers tool against the real server: an unlock voucher for the hidden Presale tier, valid
 * from tomorrow morning for a week, is made from the form and the server holds its tiers and window; a code the
 * show has already is refused in the server's words. The server is shared by every flow test in the JVM, so the
 * new code is one no other run has used.
 */
@ExtendWith(ApplicationExtension.class)
class AdminVouchersRealServerFlowTest {

    private ClientUnderTest client;

    @Start
    void start(Stage stage) {
        client = ClientUnderTest.atSignIn(stage);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anUnlockVoucherForAHiddenTierInAWindowIsMadeAndTheServerHoldsIt(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        ShowRow aurora = openVouchersOf(robot, admin, "Aurora Skies");
        String code = "FLOW" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        LocalDate nextWeek = tomorrow.plusDays(7);

        admin.ctrl(KeyCode.N);
        robot.write(code);
        robot.interact(() -> kindBox(robot).setValue(VoucherKind.UNLOCK));
        robot.clickOn("#voucherUsesField").write("5");
        robot.clickOn(tierBox(robot, "Presale (hidden)").orElseThrow());
        robot.clickOn("#voucherFromDate").write(typed(robot, "#voucherFromDate", tomorrow));
        robot.clickOn("#voucherFromTime").write("09:00");
        robot.clickOn("#voucherUntilDate").write(typed(robot, "#voucherUntilDate", nextWeek));
        robot.clickOn("#voucherUntilTime").write("23:30");
        robot.type(KeyCode.ENTER);

        awaitTrue(() -> admin.text("#voucherMessage").startsWith("Made " + code + ": opens hidden tiers, 5 uses, for"
                + " Presale (hidden), valid "));
        VoucherView held = client.voucherElsewhere(aurora.showId(), code);
        assertEquals(VoucherKind.UNLOCK, held.kind());
        assertEquals(List.of(client.tierElsewhere(aurora.showId(), "Presale")), held.tierIds());
        assertEquals(5, held.maxUses());
        ZoneId zone = ZoneId.systemDefault();
        assertEquals(ZonedDateTime.of(tomorrow, LocalTime.of(9, 0), zone).toInstant(), held.validFrom());
        assertEquals(ZonedDateTime.of(nextWeek, LocalTime.of(23, 30), zone).toInstant(), held.validUntil());
        awaitTrue(() -> vouchersTable(robot).getItems().stream().anyMatch(row -> row.code().equals(code)
                && row.tiers().equals("Presale (hidden)") && row.window().contains(" to ")));
        awaitTrue(() -> tierBox(robot, "Presale (hidden)").map(box -> !box.isSelected()).orElse(false));
    }

    @Test
    void aCodeTheShowHasAlreadyIsRefusedInTheServersWords(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        ShowRow aurora = openVouchersOf(robot, admin, "Aurora Skies");

        admin.ctrl(KeyCode.N);
        robot.write("aurora10");
        robot.clickOn("#voucherValueField").write("5");
        robot.clickOn("#voucherUsesField").write("3");
        robot.type(KeyCode.ENTER);

        awaitTrue(() -> admin.text("#voucherError").equals("Show " + aurora.showId()
                + " already has a voucher 'aurora10' (codes ignore case)."));
    }

    /** Signs in as the administrator, opens this tool, picks the show and puts the focus in the tool's screen. */
    private static ShowRow openVouchersOf(FxRobot robot, RealClient admin, String titleStart) {
        admin.openAdminTool("Vouchers");
        TableView<ShowRow> shows = admin.adminShows();
        awaitTrue(() -> shows.getItems().stream().anyMatch(row -> row.eventTitle().startsWith(titleStart)));
        ShowRow picked = shows.getItems().stream().filter(row -> row.eventTitle().startsWith(titleStart))
                .findFirst().orElseThrow();
        robot.interact(() -> shows.getSelectionModel().select(picked));
        awaitTrue(() -> !vouchersTable(robot).getItems().isEmpty() && tierBox(robot, "Presale (hidden)").isPresent());
        robot.clickOn("#voucherTable");
        return picked;
    }

    /** The date as the picker reads it back, whatever the machine's locale. */
    private static String typed(FxRobot robot, String picker, LocalDate date) {
        return robot.lookup(picker).queryAs(DatePicker.class).getConverter().toString(date);
    }

    private static Optional<CheckBox> tierBox(FxRobot robot, String label) {
        return robot.lookup("#voucherTierPane .check-box").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().equals(label)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<VoucherKind> kindBox(FxRobot robot) {
        return robot.lookup("#voucherKindBox").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<VoucherRow> vouchersTable(FxRobot robot) {
        return robot.lookup("#voucherTable").queryAs(TableView.class);
    }
}
