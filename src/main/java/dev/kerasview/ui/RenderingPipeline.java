package dev.kerasview.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Chooses JavaFX's software renderer up front on a Linux machine with no GPU device (a virtual
 * machine, a remote or virtual X server, a container). JavaFX would first load OpenGL there
 * (Mesa's software rasteriser, 40 MB of LLVM), make a context and only then reject it ("System
 * GPU doesn't meet the es2 pipe requirement"): a few hundred milliseconds of a cold start's CPU
 * spent to end up with the same renderer.
 */
final class RenderingPipeline {

    /** JavaFX's list of renderers to try, in order. */
    static final String ORDER = "prism.order";
    /**
     * Device nodes through which a GPU can render: DRM (Intel, AMD, nouveau), NVIDIA's driver,
     * WSL's GPU. The packaged launcher checks the same ones (scripts/write-launcher.sh), to keep
     * GTK from loading OpenGL where this class chooses software rendering.
     */
    static final List<String> GPU_DEVICES = List.of("dri", "nvidiactl", "dxg");

    private final Path devices;

    /** Looks for GPU devices under {@code devices} ({@code /dev}). */
    RenderingPipeline(Path devices) {
        this.devices = devices;
    }

    /** The renderer order to set, or empty where JavaFX should choose as it does by itself. */
    Optional<String> order(Properties system, String osName) {
        boolean chosenByUser = system.getProperty(ORDER) != null || system.getProperty("prism.forceGPU") != null;
        if (chosenByUser || !osName.startsWith("Linux")) {
            return Optional.empty();
        }
        boolean gpu = GPU_DEVICES.stream().anyMatch(d -> Files.exists(devices.resolve(d)));
        return gpu ? Optional.empty() : Optional.of("sw");
    }

    /** Sets the order in this JVM's system properties, before the toolkit starts. */
    void applyTo(Properties system, String osName) {
        order(system, osName).ifPresent(o -> system.setProperty(ORDER, o));
    }
}
