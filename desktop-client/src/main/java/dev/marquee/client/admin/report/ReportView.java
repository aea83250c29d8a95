package dev.marquee.client.admin.report;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.common.widgets.SaveDialog;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Binds the sales report to its view model: figures, the two charts, the tier table, the vouchers' sales (when the
 * show has vouchers), refresh, print and export.
 */
public final class ReportView {

    private final ReportViewModel viewModel;
    private final Printout printout;
    // Series in this order take .default-color0, 1, 2: the stylesheet colours sold, held and available by them.
    private final List<XYChart.Series<String, Number>> series = List.of(new XYChart.Series<>("Sold", empty()),
            new XYChart.Series<>("Held", empty()), new XYChart.Series<>("Available", empty()));
    private final List<ToIntFunction<ReportViewModel.TierLine>> counts = List.of(ReportViewModel.TierLine::sold,
            ReportViewModel.TierLine::held, ReportViewModel.TierLine::available);

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label printMessage;
    @FXML private Button refreshButton;
    @FXML private Button printButton;
    @FXML private Button exportButton;
    @FXML private Label errorLabel;
    @FXML private VBox page;
    @FXML private Label headingLabel;
    @FXML private Label updatedLabel;
    @FXML private Label totalRevenueLabel;
    @FXML private Label ticketsSoldLabel;
    @FXML private Label checkedInLabel;
    @FXML private Label onlineLabel;
    @FXML private Label boxOfficeLabel;
    @FXML private StackedBarChart<String, Number> tierChart;
    @FXML private PieChart channelChart;
    @FXML private TableView<ReportViewModel.TierLine> tierTable;
    @FXML private TableColumn<ReportViewModel.TierLine, String> tierColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, Integer> capacityColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, Integer> soldColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, Integer> heldColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, Integer> availableColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, Integer> checkedInColumn;
    @FXML private TableColumn<ReportViewModel.TierLine, String> revenueColumn;
    @FXML private Label reportVouchersHeading;
    @FXML private TableView<ReportViewModel.VoucherLine> reportVoucherTable;
    @FXML private TableColumn<ReportViewModel.VoucherLine, String> voucherCodeColumn;
    @FXML private TableColumn<ReportViewModel.VoucherLine, String> voucherKindColumn;
    @FXML private TableColumn<ReportViewModel.VoucherLine, String> voucherUsesColumn;
    @FXML private TableColumn<ReportViewModel.VoucherLine, Long> voucherTicketsColumn;
    @FXML private TableColumn<ReportViewModel.VoucherLine, String> voucherRevenueColumn;
    @FXML private TableColumn<ReportViewModel.VoucherLine, String> voucherDiscountColumn;

    public ReportView(ReportViewModel viewModel, Printout printout) {
        this.viewModel = viewModel;
        this.printout = printout;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        printButton.disableProperty().bind(viewModel.loadedProperty().not());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        printMessage.visibleProperty().bind(printMessage.textProperty().isNotEmpty());
        printMessage.managedProperty().bind(printMessage.visibleProperty());
        show(headingLabel, viewModel.headingProperty());
        show(updatedLabel, viewModel.updatedProperty());
        show(totalRevenueLabel, viewModel.totalRevenueProperty());
        show(ticketsSoldLabel, viewModel.ticketsSoldProperty());
        show(checkedInLabel, viewModel.checkedInProperty());
        show(onlineLabel, viewModel.onlineProperty());
        show(boxOfficeLabel, viewModel.boxOfficeProperty());
        bindTable();
        bindVouchers();
        tierChart.getData().setAll(series);
        viewModel.tiers().addListener((ListChangeListener<ReportViewModel.TierLine>) change -> drawTiers());
        viewModel.channels().addListener((ListChangeListener<ReportViewModel.ChannelLine>) change -> drawChannels());

        refreshButton.setOnAction(event -> viewModel.refresh());
        printButton.setOnAction(event -> print());
        exportButton.disableProperty().bind(viewModel.loadedProperty().not());
        exportButton.setOnAction(event -> SaveDialog.csv(root, viewModel.csvName(), "Export the report as CSV")
                .ifPresent(target -> viewModel.exportCsv(target, printMessage::setText)));
        // Firing the buttons keeps a disabled button's shortcut disabled too. Ctrl+R reaches this view only
        // while the focus is inside it, so the audit tab can use the same keys for its own refresh.
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refreshButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), printButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), exportButton::fire);
    }

    /** Prints the report as shown, in the page's paper colours (dark on white) whatever the screen's theme. */
    private void print() {
        printMessage.setText("Printing…");
        page.getStyleClass().add("paper");
        page.applyCss();
        try {
            printout.print(page, viewModel.printName(), printMessage::setText);
        } finally {
            page.getStyleClass().remove("paper");
        }
    }

    private void bindTable() {
        tierTable.setItems(viewModel.tiers());
        text(tierColumn, ReportViewModel.TierLine::name);
        count(capacityColumn, ReportViewModel.TierLine::capacity);
        count(soldColumn, ReportViewModel.TierLine::sold);
        count(heldColumn, ReportViewModel.TierLine::held);
        count(availableColumn, ReportViewModel.TierLine::available);
        count(checkedInColumn, ReportViewModel.TierLine::checkedIn);
        text(revenueColumn, ReportViewModel.TierLine::revenue);
        // Every tier on the page at once (it is printed as shown): the table is as tall as its rows.
        tierTable.prefHeightProperty().bind(tierTable.fixedCellSizeProperty()
                .multiply(Bindings.size(viewModel.tiers()).add(1.25)));
    }

    private void bindVouchers() {
        reportVoucherTable.setItems(viewModel.vouchers());
        cell(voucherCodeColumn, ReportViewModel.VoucherLine::code);
        cell(voucherKindColumn, ReportViewModel.VoucherLine::kind);
        cell(voucherUsesColumn, ReportViewModel.VoucherLine::uses);
        cell(voucherTicketsColumn, ReportViewModel.VoucherLine::tickets);
        cell(voucherRevenueColumn, ReportViewModel.VoucherLine::revenue);
        cell(voucherDiscountColumn, ReportViewModel.VoucherLine::discount);
        reportVoucherTable.prefHeightProperty().bind(reportVoucherTable.fixedCellSizeProperty()
                .multiply(Bindings.size(viewModel.vouchers()).add(1.25)));
        // A show without vouchers prints no empty table.
        BooleanBinding any = Bindings.isNotEmpty(viewModel.vouchers());
        for (Node node : List.of(reportVouchersHeading, reportVoucherTable)) {
            node.visibleProperty().bind(any);
            node.managedProperty().bind(any);
        }
    }

    /** Reload after reload the tiers are usually the same: their bars are updated in place, not rebuilt. */
    private void drawTiers() {
        List<ReportViewModel.TierLine> tiers = viewModel.tiers();
        for (int s = 0; s < series.size(); s++) {
            var data = series.get(s).getData();
            ToIntFunction<ReportViewModel.TierLine> count = counts.get(s);
            boolean sameTiers = data.size() == tiers.size();
            for (int t = 0; sameTiers && t < tiers.size(); t++) {
                sameTiers = data.get(t).getXValue().equals(tiers.get(t).name());
            }
            if (sameTiers) {
                for (int t = 0; t < tiers.size(); t++) {
                    data.get(t).setYValue(count.applyAsInt(tiers.get(t)));
                }
            } else {
                data.setAll(tiers.stream().map(tier -> new XYChart.Data<String, Number>(tier.name(),
                        count.applyAsInt(tier))).toList());
            }
        }
    }

    private void drawChannels() {
        List<ReportViewModel.ChannelLine> channels = viewModel.channels();
        var slices = channelChart.getData();
        if (slices.size() == channels.size()) {
            for (int i = 0; i < channels.size(); i++) {
                slices.get(i).setName(channels.get(i).label());
                slices.get(i).setPieValue(channels.get(i).revenueCents());
            }
        } else {
            slices.setAll(channels.stream().map(channel -> new PieChart.Data(channel.label(),
                    channel.revenueCents())).toList());
        }
    }

    private static ObservableList<XYChart.Data<String, Number>> empty() {
        return FXCollections.observableArrayList();
    }

    private static void show(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
    }

    private static void text(TableColumn<ReportViewModel.TierLine, String> column,
                             Function<ReportViewModel.TierLine, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    private static <T> void cell(TableColumn<ReportViewModel.VoucherLine, T> column,
                                 Function<ReportViewModel.VoucherLine, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private static void count(TableColumn<ReportViewModel.TierLine, Integer> column,
                              ToIntFunction<ReportViewModel.TierLine> count) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(count.applyAsInt(cell.getValue())));
    }
}
