package dev.marquee.client.boxoffice;

import dev.marquee.client.common.Focus;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.common.printing.TicketPrintout;
import dev.marquee.client.common.printing.ZReport;
import dev.marquee.client.common.printing.ZReportPdf;
import dev.marquee.client.common.widgets.SaveDialog;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Binds the desk. Keys: F10 check-in field, F11 refund field, F12 close drawer, Ctrl+R refund, Ctrl+E exchange the
 * ticked tickets, Ctrl+P print the Z-report, Ctrl+Shift+P save it as PDF; the exchange, while open, has its own
 * ({@link ExchangeView}).
 */
public final class DeskView {

    private static final String[] VERDICT_STYLES = {"valid", "already", "invalid", "problem"};

    private final DeskViewModel viewModel;
    private final Printout printout;

    @FXML private StackPane root;
    @FXML private HBox desk;
    @FXML private TextField codeField;
    @FXML private Button checkInButton;
    @FXML private Label verdictLabel;
    @FXML private Label verdictDetail;
    @FXML private TextField orderField;
    @FXML private Button findButton;
    @FXML private Label orderSummary;
    @FXML private ListView<RefundViewModel.Line> refundList;
    @FXML private Button refundButton;
    @FXML private Button exchangeButton;
    @FXML private Label refundMessage;
    @FXML private Label drawerState;
    @FXML private TextField countedField;
    @FXML private Button closeButton;
    @FXML private Label drawerError;
    @FXML private VBox zReportBox;
    @FXML private GridPane zReportGrid;
    @FXML private Button printZButton;
    @FXML private Button saveZPdfButton;
    @FXML private Label printMessage;
    @FXML private StackPane exchangeHolder;

    public DeskView(DeskViewModel viewModel, Printout printout) {
        this.viewModel = viewModel;
        this.printout = printout;
    }

    @FXML
    private void initialize() {
        bindCheckIn();
        bindRefund();
        bindDrawer();
        bindExchange();
        // On the desk's cards, not the root: while the exchange covers them, its own keys (Ctrl+P too) apply.
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.F10), codeField::requestFocus);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.F11), orderField::requestFocus);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.F12), closeButton::fire);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refundButton::fire);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), exchangeButton::fire);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), printZButton::fire);
        Shortcuts.bind(desk, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                saveZPdfButton::fire);
        // The door is the desk's busiest use: the scanner's keystrokes go straight into the code field.
        Focus.startAt(root, codeField);
    }

    private void bindCheckIn() {
        CheckInViewModel checkIn = viewModel.checkIn();
        codeField.textProperty().bindBidirectional(checkIn.codeProperty());
        codeField.setOnAction(event -> checkIn.checkIn());
        checkInButton.setOnAction(event -> checkIn.checkIn());
        checkInButton.disableProperty().bind(checkIn.busyProperty());
        verdictLabel.textProperty().bind(checkIn.headlineProperty());
        verdictDetail.textProperty().bind(checkIn.detailProperty());
        checkIn.verdictProperty().addListener((property, before, verdict) -> {
            verdictLabel.getStyleClass().removeAll(VERDICT_STYLES);
            switch (verdict) {
                case VALID -> verdictLabel.getStyleClass().add("valid");
                case ALREADY_CHECKED_IN -> verdictLabel.getStyleClass().add("already");
                case INVALID -> verdictLabel.getStyleClass().add("invalid");
                case PROBLEM -> verdictLabel.getStyleClass().add("problem");
                case NONE -> { }
            }
        });
    }

    private void bindRefund() {
        RefundViewModel refund = viewModel.refund();
        orderField.textProperty().bindBidirectional(refund.orderIdProperty());
        orderField.setOnAction(event -> refund.find());
        findButton.setOnAction(event -> refund.find());
        findButton.disableProperty().bind(refund.busyProperty());
        refundList.setItems(refund.lines());
        refundList.setCellFactory(CheckBoxListCell.forListView(RefundViewModel.Line::chosen,
                new StringConverter<>() {
                    @Override
                    public String toString(RefundViewModel.Line line) {
                        return line == null ? "" : line.describe();
                    }

                    @Override
                    public RefundViewModel.Line fromString(String text) {
                        throw new UnsupportedOperationException("the list is not edited as text");
                    }
                }));
        orderSummary.textProperty().bind(refund.summaryProperty());
        refundButton.disableProperty().bind(refund.busyProperty().or(refund.orderProperty().isNull()));
        refundButton.setOnAction(event -> refund.refund());
        refundMessage.textProperty().bind(refund.messageProperty());
    }

    private void bindExchange() {
        ExchangeViewModel exchange = viewModel.exchange();
        exchangeButton.disableProperty().bind(viewModel.refund().busyProperty()
                .or(viewModel.refund().orderProperty().isNull()));
        exchangeButton.setOnAction(event -> viewModel.startExchange());
        ExchangeView view = new ExchangeView(exchange, printout);
        exchangeHolder.getChildren().setAll(ViewLoader.load(view));
        exchangeHolder.visibleProperty().bind(exchange.openProperty());
        desk.visibleProperty().bind(exchange.openProperty().not());
        // The workspace puts the keyboard on the screen's first control: the exchange's while it covers the desk.
        exchange.openProperty().addListener((property, wasOpen, open) -> {
            Focus.startAt(root, open ? view.firstControl() : codeField);
            (open ? view.firstControl() : exchangeButton).requestFocus();
        });
    }

    private void bindDrawer() {
        ShiftViewModel shift = viewModel.shift();
        drawerState.textProperty().bind(shift.summaryProperty());
        countedField.textProperty().bindBidirectional(shift.countedCashProperty());
        countedField.setOnAction(event -> closeButton.fire());
        countedField.disableProperty().bind(shift.openProperty().not());
        closeButton.disableProperty().bind(shift.openProperty().not().or(shift.busyProperty()));
        closeButton.setOnAction(event -> shift.closeDrawer());
        drawerError.textProperty().bind(shift.errorMessageProperty());
        zReportBox.visibleProperty().bind(viewModel.zReport().isNotNull());
        printZButton.disableProperty().bind(viewModel.zReport().isNull());
        printZButton.setOnAction(event -> printout.print(zReportPage(), "z-report", printMessage::setText));
        saveZPdfButton.disableProperty().bind(viewModel.zReport().isNull());
        saveZPdfButton.setOnAction(event -> {
            ZReport report = viewModel.zReport().get();
            SaveDialog.pdf(saveZPdfButton, "z-report.pdf", "Save Z-report as PDF").ifPresent(target -> {
                printMessage.setText("Saving…");
                printout.savePdf(() -> ZReportPdf.of(report), target, printMessage::setText);
            });
        });
        viewModel.zReport().addListener((property, before, report) -> fill(zReportGrid, report));
    }

    private Node zReportPage() {
        GridPane page = new GridPane();
        page.getStyleClass().add("z-grid");
        fill(page, viewModel.zReport().get());
        VBox paper = new VBox(new Label("Z-report"), page);
        paper.getStyleClass().add("ticket-printout");
        paper.setPadding(new Insets(24));
        paper.getStylesheets().add(TicketPrintout.stylesheet());
        return paper;
    }

    private static void fill(GridPane grid, ZReport report) {
        grid.getChildren().clear();
        if (report == null) {
            return;
        }
        for (int row = 0; row < report.rows().size(); row++) {
            Label figure = new Label(report.rows().get(row).figure());
            figure.getStyleClass().add("z-figure");
            grid.addRow(row, new Label(report.rows().get(row).label()), figure);
        }
    }
}
