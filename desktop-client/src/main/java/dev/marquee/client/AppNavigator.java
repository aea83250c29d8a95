package dev.marquee.client;

import dev.marquee.client.admin.AdminPane;
import dev.marquee.client.booking.FanBookingView;
import dev.marquee.client.booking.FanBookingViewModel;
import dev.marquee.client.boxoffice.BoxOfficeView;
import dev.marquee.client.boxoffice.BoxOfficeViewModel;
import dev.marquee.client.boxoffice.DeskView;
import dev.marquee.client.boxoffice.DeskViewModel;
import dev.marquee.client.boxoffice.ShiftViewModel;
import dev.marquee.client.common.Navigator;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Theme;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.ServerMemory;
import dev.marquee.client.common.api.Session;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.live.LiveDispatcher;
import dev.marquee.client.live.LiveFeed;
import dev.marquee.client.session.LoginView;
import dev.marquee.client.session.LoginViewModel;
import dev.marquee.client.session.WorkspaceView;
import dev.marquee.client.session.WorkspaceViewModel;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Builds each screen with its view model and puts it in the window. This is the one place that knows every
 * feature, so features never import each other.
 */
final class AppNavigator implements Navigator {

    private final Stage stage;
    /** Holds the screen shown now; the scene's root, or inside the pane ControlsFX puts there for its marks. */
    private final StackPane screenHolder = new StackPane();
    private final Function<URI, ServerApi> connect;
    private final TaskExecutor tasks;
    private final ServerMemory serverMemory;
    private final Clock clock;
    private final Locale locale;
    private final BiFunction<URI, LiveDispatcher, LiveFeed> liveFeeds;
    private final Theme theme;
    private LiveFeed live;
    /** The signed-in clerk's drawer, one per workspace: the sale screen and the desk both show it. */
    private ShiftViewModel drawer;

    AppNavigator(Stage stage, Function<URI, ServerApi> connect, BiFunction<URI, LiveDispatcher, LiveFeed> liveFeeds,
                 TaskExecutor tasks, ServerMemory serverMemory, Clock clock, Locale locale, Theme theme) {
        this.liveFeeds = liveFeeds;
        this.theme = theme;
        this.stage = stage;
        this.connect = connect;
        this.tasks = tasks;
        this.serverMemory = serverMemory;
        this.clock = clock;
        this.locale = locale;
    }

    @Override
    public void showLogin(String serverUrl) {
        stopLive();
        LoginViewModel viewModel = new LoginViewModel(serverUrl, connect, tasks, this, serverMemory);
        show(ViewLoader.load(new LoginView(viewModel)));
    }

    @Override
    public void showWorkspace(Session session) {
        stopLive();
        LiveDispatcher dispatcher = new LiveDispatcher(tasks.ui());
        live = liveFeeds.apply(session.api().server(), dispatcher);
        // Any account may wait for tickets; signed in, the live connection hears that account's offers.
        live.signIn(session.api().token());
        drawer = new ShiftViewModel(session.api(), tasks, new ShowTimes(clock, locale));
        WorkspaceViewModel frame = new WorkspaceViewModel(session, tasks, this, dispatcher.offlineProperty(),
                theme);
        var areas = Area.forRole(session.user().role()).stream()
                .map(area -> new WorkspaceView.Area(area.title(), screen(area, session.api(), dispatcher)))
                .toList();
        show(ViewLoader.load(new WorkspaceView(frame, areas)));
        live.start();
    }

    private void stopLive() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    /** Every screen that shows counts follows the live pushes for the shows it lists, and their lines' moves. */
    private void follow(ReadOnlyObjectProperty<List<Long>> showIds, Consumer<Availability> screen,
                        Consumer<QueueMessage> lines, LiveDispatcher dispatcher) {
        dispatcher.addListener(screen);
        dispatcher.addLineListener(lines);
        LiveFeed feed = live;
        showIds.addListener((property, before, ids) -> feed.watch(ids));
    }

    private Parent screen(Area area, ServerApi api, LiveDispatcher dispatcher) {
        ShowTimes times = new ShowTimes(clock, locale);
        return switch (area) {
            case BOX_OFFICE -> {
                BoxOfficeViewModel viewModel = new BoxOfficeViewModel(api, tasks, times,
                        RetrySafeRequest.withRandomKeys(), drawer);
                Parent screen = ViewLoader.load(new BoxOfficeView(viewModel, Printout.toDefaultPrinter(tasks)));
                follow(viewModel.watchedShowIdsProperty(), viewModel::applyAvailability, viewModel::applyLine,
                        dispatcher);
                viewModel.refresh();
                yield screen;
            }
            case DESK -> {
                DeskViewModel viewModel = new DeskViewModel(api, tasks, times, drawer,
                        RetrySafeRequest.withRandomKeys(), RetrySafeRequest.withRandomKeys());
                Parent screen = ViewLoader.load(new DeskView(viewModel, Printout.toDefaultPrinter(tasks)));
                // The exchange lists the shows (loaded when it opens) and its seat map follows every change.
                follow(viewModel.watchedShowIdsProperty(), viewModel::applyAvailability, viewModel::applyLine,
                        dispatcher);
                yield screen;
            }
            case FAN_BOOKING -> {
                FanBookingViewModel viewModel = new FanBookingViewModel(api, tasks, times, Ticker.javaFx(),
                        RetrySafeRequest.withRandomKeys(), RetrySafeRequest.withRandomKeys());
                Parent screen = ViewLoader.load(new FanBookingView(viewModel));
                follow(viewModel.watchedShowIdsProperty(), viewModel::applyAvailability, viewModel::applyLine,
                        dispatcher);
                dispatcher.addOfferListener(viewModel::applyOffer);
                viewModel.refresh();
                yield screen;
            }
            case ADMIN -> {
                AdminPane pane = new AdminPane(api, tasks, times, locale);
                follow(pane.watchedShowIdsProperty(), pane::applyAvailability, pane::applyLine, dispatcher);
                pane.refresh();
                yield pane.screen();
            }
        };
    }

    private void show(Parent screen) {
        // One scene for the whole life of the window, so switching screens keeps its size and position, and one pane
        // of ours inside it that holds the screen. When ControlsFX first marks a field it puts a pane of its own
        // (for the marks) at the scene's root, around ours; the screens still go into ours, and the window's
        // background (Window.css, on whichever pane is the root) stays behind them. A stage this navigator finds
        // showing another's scene (a test's) gets a scene of its own.
        if (stage.getScene() == null || screenHolder.getScene() != stage.getScene()) {
            Scene scene = new Scene(screenHolder, 1280, 800);
            scene.getStylesheets().add(AppNavigator.class.getResource("Window.css").toExternalForm());
            stage.setScene(scene);
        }
        screenHolder.getChildren().setAll(screen);
    }
}
