package dev.marquee.client.common.widgets;

import dev.marquee.model.catalog.SeatStatus;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draws the seat map: one small node per seat, laid out by section, row and number, coloured by CSS classes
 * for its status and tier. Click picks a seat; press and drag picks (or puts back) every seat passed over.
 */
public final class SeatMapView {

    private static final List<String> STATUS_CLASSES = List.of("available", "held", "sold", "blocked");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final SeatMapViewModel viewModel;
    private boolean dragSelects;

    @FXML
    private ScrollPane scroller;
    @FXML
    private VBox map;
    @FXML
    private VBox sections;
    @FXML
    private Label noticeLabel;

    public SeatMapView(SeatMapViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeLabel.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        Notices.follow(noticeLabel, viewModel.noticeProperty());
        viewModel.seats().addListener((ListChangeListener<SeatCell>) change -> draw());
        draw();
        // A big hall shrinks to fit the width it is given, so every seat stays in sight; it never grows.
        DoubleBinding fit = Bindings.createDoubleBinding(() -> {
            double needed = map.prefWidth(-1);
            double room = scroller.getViewportBounds().getWidth() - 8;
            return needed <= 0 || room <= 0 ? 1 : Math.min(1, room / needed);
        }, scroller.viewportBoundsProperty(), viewModel.seats());
        map.scaleXProperty().bind(fit);
        map.scaleYProperty().bind(fit);
    }

    private void draw() {
        sections.getChildren().clear();
        String section = null;
        int row = -1;
        GridPane rows = null;
        for (SeatCell cell : viewModel.seats()) {
            if (!cell.section().equals(section)) {
                section = cell.section();
                row = -1;
                rows = new GridPane();
                rows.getStyleClass().add("rows");
                sections.getChildren().addAll(styled(new Label(section), "section-name"), rows);
            }
            if (cell.row() != row) {
                row = cell.row();
                Label rowName = styled(new Label("Row " + row), "row-name");
                rowName.setMinWidth(Region.USE_PREF_SIZE);
                rows.add(rowName, 0, row);
            }
            rows.add(seatNode(cell), cell.number(), cell.row());
        }
    }

    private Label seatNode(SeatCell cell) {
        Label seat = styled(new Label(Integer.toString(cell.number())), "seat");
        seat.getStyleClass().add("tier-" + cell.tierIndex());
        seat.setFocusTraversable(false);
        Tooltip.install(seat, new Tooltip(cell.label()));
        showStatus(seat, cell.statusProperty().get());
        cell.statusProperty().addListener((property, before, now) -> showStatus(seat, now));
        seat.pseudoClassStateChanged(SELECTED, cell.selectedProperty().get());
        cell.selectedProperty().addListener((property, before, now) -> seat.pseudoClassStateChanged(SELECTED, now));
        seat.setOnMousePressed(event -> {
            dragSelects = !cell.selectedProperty().get();
            viewModel.toggle(cell);
        });
        seat.setOnDragDetected(event -> seat.startFullDrag());
        seat.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, event -> viewModel.setSelected(cell, dragSelects));
        return seat;
    }

    private static void showStatus(Label seat, SeatStatus status) {
        seat.getStyleClass().removeAll(STATUS_CLASSES);
        seat.getStyleClass().add(status.name().toLowerCase(Locale.ROOT));
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
