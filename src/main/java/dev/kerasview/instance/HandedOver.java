package dev.kerasview.instance;

import java.nio.file.Path;
import java.util.List;

/** The files were delivered to the kerasview window already running; this process should exit. */
public record HandedOver(List<Path> files) implements InstanceClaim {

    public HandedOver {
        files = List.copyOf(files);
    }
}
