package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Asks the person where a converted file goes: the window's Save As. */
public interface OutputChooser {

    /** Declines every question: for windows without dialogs. */
    OutputChooser NONE = question -> Optional.empty();

    /** Why the window asks. */
    enum Reason {
        /** The person chose "Convert As…". */
        ASKED,
        /** The input's folder cannot be written, so the one-click default is not possible. */
        FOLDER_READ_ONLY
    }

    /**
     * A Save As question.
     *
     * @param input     the file being converted
     * @param suggested the path offered first (folder and name)
     * @param targets   the forms on offer, the suggested one first
     * @param reason    why the window asks
     */
    record Question(Path input, Path suggested, List<ConversionTarget> targets, Reason reason) {
        public Question {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The person's answer.
     *
     * @param output where the converted file goes (for JSON, the architecture file)
     * @param target the form chosen
     */
    record Answer(Path output, ConversionTarget target) {
    }

    /** Asks {@code question}; empty when the person cancelled. */
    Optional<Answer> choose(Question question);

    /** True when a converted file can be written into {@code folder}. */
    default boolean canWriteTo(Path folder) {
        return folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
    }
}
