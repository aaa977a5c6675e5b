package dev.kerasview.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.HostServices;

/** Shows a folder in the system's file manager ("Show in folder"). */
final class FolderOpener implements Consumer<Path> {

    private final HostServices hostServices;

    FolderOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public void accept(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer.exe", folder.toString())
                : os.contains("mac") ? List.of("open", folder.toString())
                : List.of("xdg-open", folder.toString());
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            // no file manager command: let the toolkit try the platform's default handler
            hostServices.showDocument(folder.toUri().toString());
        }
    }
}
