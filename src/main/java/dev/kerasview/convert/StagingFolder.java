package dev.kerasview.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hidden folder beside the outputs, named like every temporary output
 * ({@code .<name>.kerasview-tmp-<random>}), where files that refer to each other by name are
 * written and verified before each is renamed into place. Closing it removes what is left.
 */
final class StagingFolder implements AutoCloseable {

    private final Path path;

    private StagingFolder(Path path) {
        this.path = path;
    }

    /** Creates the folder beside {@code firstOutput}. */
    static StagingFolder create(Path firstOutput) throws ConversionException {
        Path abs = firstOutput.toAbsolutePath();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new ConversionException("the output folder " + abs.getParent() + " does not exist");
        }
        Path dir = TempFiles.tempFor(abs);
        try {
            return new StagingFolder(Files.createDirectory(dir));
        } catch (IOException e) {
            throw new ConversionException("cannot create a folder in " + abs.getParent() + ": " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    /** Removes the folder and the files still in it (those not renamed into place). */
    @Override
    public void close() {
        TempFiles.deleteFolder(path);
    }
}
