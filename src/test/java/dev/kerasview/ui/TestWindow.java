package dev.kerasview.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The window the view tests show: a view model over a test source and converter, in a styled stage. */
final class TestWindow {

    private TestWindow() {
    }

    /** A window view model that never asks for weights and never opens a folder. */
    static MainWindowViewModel viewModel(ModelSource source, ModelConverter converter, Path recentStore) {
        return new MainWindowViewModel(source, converter, new RecentFiles(recentStore), (j, c) -> Optional.empty(), p -> { });
    }

    /** A source giving every file the hand-built VAE with its findings. */
    static ModelSource vae() {
        return (file, weights) -> TestModels.loaded(file, TestModels.vaeTree(), TestModels.vaeFindings(), false);
    }

    /** A converter for tests that never convert. */
    static ModelConverter noConverter() {
        return (r, p, c) -> {
            throw new UnsupportedOperationException();
        };
    }

    /** Shows {@code root} in {@code stage} at {@code width} × {@code height} with the window's stylesheet. */
    static Scene show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(KerasviewApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** The files in {@code dir}, sorted. */
    static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
