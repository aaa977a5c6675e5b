package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks with the system's Save dialog where a converted file goes. */
final class DialogOutputChooser implements OutputChooser {

    private final Supplier<Window> owner;

    DialogOutputChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Answer> choose(Question question) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title(question));
        Path folder = question.suggested().getParent();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(question.suggested().getFileName().toString());
        for (ConversionTarget t : question.targets()) {
            chooser.getExtensionFilters().add(filter(t));
        }
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        File chosen = chooser.showSaveDialog(owner.get());
        if (chosen == null) {
            return Optional.empty();
        }
        int i = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        ConversionTarget target = question.targets().get(Math.max(i, 0));
        return Optional.of(new Answer(withSuffix(chosen.toPath(), target), target));
    }

    private static String title(Question q) {
        String name = q.input().getFileName().toString();
        return switch (q.reason()) {
            case ASKED -> "Convert " + name + " as";
            case FOLDER_READ_ONLY -> "The folder of " + name + " is read-only: choose where to save the converted file";
        };
    }

    private static FileChooser.ExtensionFilter filter(ConversionTarget t) {
        return new FileChooser.ExtensionFilter(ConversionActions.description(t) + " (*" + OutputNames.suffix(t) + ")",
                "*" + OutputNames.suffix(t));
    }

    /** A name typed without the form's suffix gets it, as Save dialogs do. */
    static Path withSuffix(Path chosen, ConversionTarget target) {
        String suffix = OutputNames.suffix(target);
        String name = chosen.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? chosen : chosen.resolveSibling(name + suffix);
    }
}
