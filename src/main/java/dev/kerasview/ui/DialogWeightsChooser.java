package dev.kerasview.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks with a dialog which weights file belongs to a model.json. */
final class DialogWeightsChooser implements WeightsChooser {

    private static final String OTHER = "Another file…";

    private final Supplier<Window> owner;

    DialogWeightsChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> choose(Path json, List<Path> candidates) {
        List<String> choices = new ArrayList<>();
        for (Path p : candidates) {
            choices.add(p.getFileName().toString());
        }
        choices.add(OTHER);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.setTitle("Weights for " + json.getFileName());
        dialog.setHeaderText(json.getFileName() + " holds the architecture only. Which file holds its weights?");
        dialog.setContentText("Weights:");
        if (owner.get() != null) {
            dialog.initOwner(owner.get());
        }
        Optional<String> answer = dialog.showAndWait();
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (answer.get().equals(OTHER)) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Weights for " + json.getFileName());
            chooser.setInitialDirectory(json.toAbsolutePath().getParent().toFile());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Weights (*.h5, *.hdf5, *.weights.json)", "*.h5", "*.hdf5", "*.json"));
            File f = chooser.showOpenDialog(owner.get());
            return Optional.ofNullable(f).map(File::toPath);
        }
        return candidates.stream().filter(p -> p.getFileName().toString().equals(answer.get())).findFirst();
    }
}
