package dev.kerasview.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled sample model shown at first start: {@code assets/sample-vae.keras} beside
 * the jar, one folder up (the project root for {@code target/kerasview.jar}) or in the working
 * directory; else the copy inside the jar, extracted to a temporary folder.
 */
public final class SampleModel {

    static final String FILE_NAME = "sample-vae.keras";
    private static final String RESOURCE = "/dev/kerasview/ui/" + FILE_NAME;

    private SampleModel() {
    }

    /** The sample's path, or empty when it is nowhere to be found. */
    public static Optional<Path> locate() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return extractResource();
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        try {
            Path codeSource = Paths.get(SampleModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(codeSource) ? codeSource : codeSource.getParent();
            for (Path d = dir; d != null && out.size() < 6; d = d.getParent()) {
                out.add(d.resolve("assets").resolve(FILE_NAME));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source (an unusual class loader): fall back to the working directory
        }
        out.add(Paths.get("assets", FILE_NAME).toAbsolutePath());
        return out;
    }

    private static Optional<Path> extractResource() {
        try (InputStream in = SampleModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Path dir = Files.createTempDirectory("kerasview-sample");
            Path file = dir.resolve(FILE_NAME);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
