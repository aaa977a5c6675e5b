package dev.kerasview.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Shows a folder in the system's file manager ("Show in folder"); throws
 * {@link NoFileManagerException} when there is none to show it.
 */
final class FolderOpener implements Consumer<Path> {

    /** How long to wait for the opener's verdict: xdg-open returns once the file manager has started. */
    private static final long WAIT_SECONDS = 3;

    /** No file manager took the folder. */
    static final class NoFileManagerException extends RuntimeException {
        NoFileManagerException(String message) {
            super(message);
        }
    }

    private final List<String> command;

    /** An opener running {@code command} with the folder appended. */
    FolderOpener(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** The platform's opener: explorer on Windows, open on macOS, xdg-open elsewhere. */
    static FolderOpener forPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return new FolderOpener(os.contains("win") ? List.of("explorer.exe")
                : os.contains("mac") ? List.of("open") : List.of("xdg-open"));
    }

    @Override
    public void accept(Path folder) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(folder.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new NoFileManagerException(command.get(0) + " is not installed");
        }
        try {
            // explorer.exe answers 1 even when it opened the folder
            if (p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() != 0 && !command.get(0).equals("explorer.exe")) {
                throw new NoFileManagerException(command.get(0) + " found no program to show folders");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
