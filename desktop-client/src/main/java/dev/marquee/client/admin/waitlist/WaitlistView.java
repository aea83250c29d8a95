package dev.marquee.client.admin.waitlist;

import dev.marquee.client.admin.waitlist.WaitlistViewModel.EntryRow;
import dev.marquee.client.admin.waitlist.WaitlistViewModel.TierRow;
import dev.marquee.client.common.Shortcuts;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

/**
 * Binds the admin's waiting-list tool: the tiers' lengths, then the entries in serving order. Ctrl+R reads it again;
 * Tab goes from Refresh to the tiers' table and on to the entries'.
 */
public final class WaitlistView {

    private final WaitlistViewModel viewModel;

    @FXML private VBox root;
    @FXML private ProgressIndicator adminWaitlistBusy;
    @FXML private Button adminWaitlistRefreshButton;
    @FXML private Label adminWaitlistHeading;
    @FXML private Label adminWaitlistSummary;
    @FXML private Label adminWaitlistError;
    @FXML private TableView<TierRow> adminWaitlistTiers;
    @FXML private TableColumn<TierRow, String> waitlistTierNameColumn;
    @FXML private TableColumn<TierRow, String> waitlistTierEntriesColumn;
    @FXML private TableColumn<TierRow, String> waitlistTierTicketsColumn;
    @FXML private TableColumn<TierRow, String> waitlistTierOffersColumn;
    @FXML private TableView<EntryRow> adminWaitlistEntries;
    @FXML private TableColumn<EntryRow, String> waitlistEntryTierColumn;
    @FXML private TableColumn<EntryRow, String> waitlistEntryPositionColumn;
    @FXML private TableColumn<EntryRow, String> waitlistEntryAccountColumn;
    @FXML private TableColumn<EntryRow, String> waitlistEntryQuantityColumn;
    @FXML private TableColumn<EntryRow, String> waitlistEntryStateColumn;
    @FXML private TableColumn<EntryRow, String> waitlistEntryOfferColumn;

    public WaitlistView(WaitlistViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        adminWaitlistBusy.visibleProperty().bind(viewModel.busyProperty());
        adminWaitlistRefreshButton.setOnAction(event -> viewModel.refresh());
        adminWaitlistHeading.textProperty().bind(viewModel.headingProperty());
        adminWaitlistSummary.textProperty().bind(viewModel.summaryProperty());
        adminWaitlistError.textProperty().bind(viewModel.errorMessageProperty());
        adminWaitlistError.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        adminWaitlistError.managedProperty().bind(adminWaitlistError.visibleProperty());
        adminWaitlistTiers.setItems(viewModel.tiers());
        // Every tier's length in sight at once: the table is as tall as its rows (at least one, for the placeholder).
        adminWaitlistTiers.prefHeightProperty().bind(adminWaitlistTiers.fixedCellSizeProperty()
                .multiply(Bindings.max(1, Bindings.size(viewModel.tiers())).add(1.25)));
        show(waitlistTierNameColumn, TierRow::tier);
        show(waitlistTierEntriesColumn, TierRow::entries);
        show(waitlistTierTicketsColumn, TierRow::tickets);
        show(waitlistTierOffersColumn, TierRow::offers);
        adminWaitlistEntries.setItems(viewModel.entries());
        show(waitlistEntryTierColumn, EntryRow::tier);
        show(waitlistEntryPositionColumn, EntryRow::position);
        show(waitlistEntryAccountColumn, EntryRow::account);
        show(waitlistEntryQuantityColumn, EntryRow::quantity);
        show(waitlistEntryStateColumn, EntryRow::state);
        show(waitlistEntryOfferColumn, EntryRow::offerExpires);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                adminWaitlistRefreshButton::fire);
    }

    private static <R> void show(TableColumn<R, String> column, Function<R, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
