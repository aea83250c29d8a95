package dev.marquee.client.admin.setup;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.model.catalog.SeatingMode;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Binds the set-up tool to its view model, the problem marks on its fields, and the shortcuts on its buttons. */
public final class SetupView {

    private final SetupViewModel viewModel;
    private final ProblemMarks marks = new ProblemMarks();

    @FXML private ScrollPane root;
    @FXML private ProgressIndicator listsBusy;
    @FXML private Button reloadButton;
    @FXML private Label listsError;
    @FXML private TableView<VenueEntry> venueTable;
    @FXML private TableColumn<VenueEntry, String> venueNameColumn;
    @FXML private TableColumn<VenueEntry, String> venueCapacityColumn;
    @FXML private TableColumn<VenueEntry, String> venueSectionsColumn;
    @FXML private TextField venueNameField;
    @FXML private GridPane sectionGrid;
    @FXML private Button addSectionButton;
    @FXML private Label venueSummary;
    @FXML private Label venueProblem;
    @FXML private Button createVenueButton;
    @FXML private ProgressIndicator venueBusy;
    @FXML private Label venueError;
    @FXML private Label venueDone;
    @FXML private TextField eventTitleField;
    @FXML private TextArea eventDescriptionArea;
    @FXML private Label eventProblem;
    @FXML private Button createEventButton;
    @FXML private ProgressIndicator eventBusy;
    @FXML private Label eventError;
    @FXML private Label eventDone;
    @FXML private ComboBox<EventEntry> showEventBox;
    @FXML private ComboBox<VenueEntry> showVenueBox;
    @FXML private DatePicker showDatePicker;
    @FXML private TextField showTimeField;
    @FXML private Label zoneLabel;
    @FXML private Label showWarning;
    @FXML private ToggleGroup seatingGroup;
    @FXML private RadioButton gaRadio;
    @FXML private RadioButton seatedRadio;
    @FXML private CheckBox onSaleBox;
    @FXML private Label showProblem;
    @FXML private Button createShowButton;
    @FXML private ProgressIndicator showBusy;
    @FXML private Label showError;
    @FXML private Label showDone;

    public SetupView(SetupViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        listsBusy.visibleProperty().bind(viewModel.busyProperty());
        reloadButton.disableProperty().bind(viewModel.busyProperty());
        reloadButton.setOnAction(event -> viewModel.refresh());
        bindText(listsError, viewModel.errorMessageProperty());
        venueTable.setItems(viewModel.venues());
        column(venueNameColumn, VenueEntry::name);
        column(venueCapacityColumn, VenueEntry::capacityText);
        column(venueSectionsColumn, VenueEntry::sections);
        bindVenueForm();
        bindEventForm();
        bindShowForm();
        bind("R", reloadButton);
        bind("A", addSectionButton);
        bind("V", createVenueButton);
        bind("E", createEventButton);
        bind("N", createShowButton);
        FocusScrolling.install(root);
        // The lists belong to this tool alone: they load once the screen exists, and again on Reload.
        viewModel.refresh();
    }

    private void bindVenueForm() {
        VenueFormViewModel form = viewModel.venueForm();
        venueNameField.textProperty().bindBidirectional(form.nameProperty());
        marks.mark(venueNameField, true, form.nameProblemProperty());
        SectionLinesEditor sections = SectionLinesEditor.show(sectionGrid, form, marks);
        addSectionButton.setOnAction(event -> sections.focus(form.addSection()));
        venueSummary.textProperty().bind(form.summaryProperty());
        bindText(venueProblem, form.problemProperty());
        venueBusy.visibleProperty().bind(form.busyProperty());
        createVenueButton.disableProperty().bind(form.busyProperty());
        createVenueButton.setOnAction(event -> form.create());
        bindText(venueError, form.errorMessageProperty());
        bindText(venueDone, form.doneMessageProperty());
    }

    private void bindEventForm() {
        EventFormViewModel form = viewModel.eventForm();
        eventTitleField.textProperty().bindBidirectional(form.titleProperty());
        eventDescriptionArea.textProperty().bindBidirectional(form.descriptionProperty());
        marks.mark(eventTitleField, true, form.titleProblemProperty());
        marks.mark(eventDescriptionArea, false, form.descriptionProblemProperty());
        bindText(eventProblem, form.problemProperty());
        eventBusy.visibleProperty().bind(form.busyProperty());
        createEventButton.disableProperty().bind(form.busyProperty());
        createEventButton.setOnAction(event -> form.create());
        eventTitleField.setOnAction(event -> createEventButton.fire());
        bindText(eventError, form.errorMessageProperty());
        bindText(eventDone, form.doneMessageProperty());
    }

    private void bindShowForm() {
        ShowFormViewModel form = viewModel.showForm();
        showEventBox.setItems(viewModel.events());
        showEventBox.setConverter(converter(EventEntry::choiceText));
        showEventBox.valueProperty().bindBidirectional(form.eventProperty());
        showVenueBox.setItems(viewModel.venues());
        showVenueBox.setConverter(converter(VenueEntry::choiceText));
        showVenueBox.valueProperty().bindBidirectional(form.venueProperty());
        showDatePicker.valueProperty().bindBidirectional(form.dateProperty());
        showTimeField.textProperty().bindBidirectional(form.timeProperty());
        zoneLabel.setText(form.zoneName() + " time");
        marks.mark(showEventBox, true, form.eventProblemProperty());
        marks.mark(showVenueBox, true, form.venueProblemProperty());
        marks.mark(showDatePicker, true, form.dateProblemProperty());
        marks.mark(showTimeField, true, form.timeProblemProperty(), form.whenWarningProperty());
        bindText(showWarning, form.whenWarningProperty());
        bindSeating(form);
        onSaleBox.selectedProperty().bindBidirectional(form.onSaleProperty());
        bindText(showProblem, form.problemProperty());
        showBusy.visibleProperty().bind(form.busyProperty());
        createShowButton.disableProperty().bind(form.busyProperty());
        createShowButton.setOnAction(event -> {
            commitTypedDate();
            form.create();
        });
        showTimeField.setOnAction(event -> createShowButton.fire());
        bindText(showError, form.errorMessageProperty());
        bindText(showDone, form.doneMessageProperty());
    }

    private void bindSeating(ShowFormViewModel form) {
        gaRadio.setUserData(SeatingMode.GA);
        seatedRadio.setUserData(SeatingMode.SEATED);
        seatingGroup.selectToggle(form.seatingProperty().get() == SeatingMode.SEATED ? seatedRadio : gaRadio);
        seatingGroup.selectedToggleProperty().addListener((property, before, now) -> {
            if (now != null) {
                form.seatingProperty().set((SeatingMode) now.getUserData());
            }
        });
        form.seatingProperty().addListener((property, before, now) ->
                seatingGroup.selectToggle(now == SeatingMode.SEATED ? seatedRadio : gaRadio));
    }

    /**
     * A date typed into the picker counts only once the picker lets go of it (Enter or leaving the field);
     * a shortcut pressed straight after typing would otherwise send the date it had before.
     */
    private void commitTypedDate() {
        String typed = showDatePicker.getEditor().getText();
        try {
            showDatePicker.setValue(typed == null || typed.isBlank() ? null
                    : showDatePicker.getConverter().fromString(typed.strip()));
        } catch (RuntimeException unreadable) {
            // Not a date the picker can read: it keeps its value, and the form says what is missing.
        }
    }

    private void bind(String letter, Button button) {
        // Firing the button (not calling the view model) keeps a disabled button's shortcut disabled too.
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.getKeyCode(letter), KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), button::fire);
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                return null; // the choice is picked from the list, never typed
            }
        };
    }

    private static void bindText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
