package dev.kerasview.ui;

import dev.kerasview.instance.HandedOver;
import dev.kerasview.instance.InstanceClaim;
import dev.kerasview.instance.InstanceGate;
import dev.kerasview.instance.PrimaryInstance;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one window over the core's reader, diagnoser and converter. */
public final class KerasviewApplication extends Application {

    /** The window's stylesheet. */
    public static final String STYLESHEET = Objects.requireNonNull(
            KerasviewApplication.class.getResource("kerasview.css")).toExternalForm();

    /** How long a stopping process waits for conversions to remove their temporary files. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private MainWindowViewModel viewModel;
    private InstanceClaim claim;
    private PrefetchingModelSource source;
    private ConversionGuard converter;
    private final WindowGeometryStore geometryStore = WindowGeometryStore.inUserConfig();
    private volatile boolean geometrySaved;

    @Override
    public void init() {
        // reading starts before the window is built, so both go on at once
        source = new PrefetchingModelSource(new CoreModelSource(), files());
        // before any window: a second start hands its files to the window already running
        claim = InstanceGate.forCurrentUser().claim(files());
        if (claim instanceof HandedOver) {
            source.close();
            return;
        }
        Path journals = StateFolder.forCurrentUser().resolve("conversions");
        ConversionJournal.cleanStale(journals, ConversionJournal::running);
        converter = new ConversionGuard(new CoreModelConverter(),
                new ConversionJournal(journals, ProcessHandle.current().pid()));
        converter.stopOnShutdown(SHUTDOWN_GRACE);
    }

    private List<Path> files() {
        return getParameters().getUnnamed().stream().map(Paths::get).toList();
    }

    @Override
    public void start(Stage stage) {
        if (claim instanceof HandedOver) {
            Platform.exit();
            return;
        }
        LogFile log = LogFile.forCurrentUser();
        UncaughtErrorHandler errors = new UncaughtErrorHandler(message -> showError(stage, message), log);
        Thread.currentThread().setUncaughtExceptionHandler(errors);
        // background threads too: their errors reach the log and the person, not only a terminal
        Thread.setDefaultUncaughtExceptionHandler(errors);
        viewModel = new MainWindowViewModel(source, converter,
                RecentFiles.inUserConfig(), new DialogWeightsChooser(() -> stage),
                FolderOpener.forPlatform(), new DialogOutputChooser(() -> stage));
        MainWindowView view = new MainWindowView(viewModel, log);
        WindowGeometry geometry = WindowGeometry.place(geometryStore.load(), screens());
        viewModel.layout().set(geometry.layout());
        Scene scene = new Scene(view);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(WindowIcons.load());
        // the window's size, decorations included, so that a small screen shows the menu bar
        stage.setX(geometry.x());
        stage.setY(geometry.y());
        stage.setWidth(geometry.width());
        stage.setHeight(geometry.height());
        stage.setMaximized(geometry.maximized());
        stage.setMinWidth(Math.min(WindowGeometry.MIN_WIDTH, geometry.width()));
        stage.setMinHeight(Math.min(WindowGeometry.MIN_HEIGHT, geometry.height()));
        stage.setOnHidden(e -> saveGeometry(stage));
        // a logout or kill ends the process without hiding the window: save from the JavaFX thread first
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (geometrySaved) {
                return;
            }
            CountDownLatch saved = new CountDownLatch(1);
            Platform.runLater(() -> {
                saveGeometry(stage);
                saved.countDown();
            });
            try {
                saved.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "kerasview-save-geometry"));
        stage.show();

        if (claim instanceof PrimaryInstance primary) {
            primary.onOpenRequest(handed -> Platform.runLater(() -> {
                viewModel.open(handed);
                stage.setIconified(false);
                stage.toFront();
            }));
        }
        List<Path> files = files();
        if (files.isEmpty()) {
            SampleModel.locate().ifPresent(sample -> viewModel.open(List.of(sample)));
        } else {
            viewModel.open(files);
        }
        // while the first file is read: the graph of a big model is then laid out by a warm engine
        ElkWarmUp.inBackground();
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.closeAll();
        }
        if (source != null) {
            source.close();
        }
        if (claim instanceof PrimaryInstance primary) {
            primary.close();
        }
    }

    /** Saves where the window is, once: on hiding, or at a shutdown that did not hide it. */
    private void saveGeometry(Stage stage) {
        if (!geometrySaved) {
            geometrySaved = true;
            geometryStore.save(new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized(), viewModel.layout().positions()));
        }
    }

    /** The screens' usable areas, the primary first. */
    private static List<Rectangle2D> screens() {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(Screen.getPrimary())) {
                screens.add(s.getVisualBounds());
            }
        }
        return screens;
    }

    private static void showError(Stage owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle("kerasview");
        alert.setHeaderText("Something went wrong, but kerasview keeps running");
        if (owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
