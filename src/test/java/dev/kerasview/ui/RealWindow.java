package dev.kerasview.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window over the real reader, diagnoser and converter, shown at 1280×800 on a test's stage. */
final class RealWindow {

    private RealWindow() {
    }

    /** Shows a window that remembers recent files in {@code recentFile}; its view model. */
    static MainWindowViewModel show(Stage stage, Path recentFile) {
        return show(stage, new MainWindowViewModel(new CoreModelSource(), new CoreModelConverter(),
                new RecentFiles(recentFile), (j, c) -> Optional.empty(), p -> { }));
    }

    /** Shows the window of {@code viewModel}, with the application's stylesheet; the view model. */
    static MainWindowViewModel show(Stage stage, MainWindowViewModel viewModel) {
        Scene scene = new Scene(new MainWindowView(viewModel), 1280, 800);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return viewModel;
    }
}
