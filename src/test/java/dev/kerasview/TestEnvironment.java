package dev.kerasview;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests find beside the project: the shared real-world corpus, the HDF Group's tools
 * (h5dump, h5diff) and a Python with h5py; a test that needs one that is absent is skipped, and
 * says so on the console and in its report.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The shared folder beside the project: {@code -Dkerasview.shared}, else {@code ../shared}. */
    public static Path shared() {
        return Path.of(System.getProperty("kerasview.shared", "../shared"));
    }

    /** The real-world corpus, {@code <shared>/corpus}; it may be absent. */
    public static Path corpus() {
        return shared().resolve("corpus");
    }

    /** True when the corpus holds {@code relative} (a file or folder). */
    public static boolean hasCorpus(String relative) {
        return Files.exists(corpus().resolve(relative));
    }

    /** Skips the calling test unless the corpus holds {@code relative}; returns its path. */
    public static Path assumeCorpus(String relative) {
        Path p = corpus().resolve(relative);
        skipUnless(Files.exists(p), "the real-world corpus is not at " + corpus().toAbsolutePath()
                + " (no " + relative + ")");
        return p;
    }

    /** h5dump on the PATH, if installed. */
    public static Optional<Path> h5dump() {
        return Tools.H5DUMP;
    }

    /** Skips the calling test unless h5dump is installed; returns it. */
    public static Path assumeH5dump() {
        skipUnless(Tools.H5DUMP.isPresent(), "h5dump is not installed (apt-get install hdf5-tools)");
        return Tools.H5DUMP.get();
    }

    /** Skips the calling test unless h5diff is installed; returns it. */
    public static Path assumeH5diff() {
        skipUnless(Tools.H5DIFF.isPresent(), "h5diff is not installed (apt-get install hdf5-tools)");
        return Tools.H5DIFF.get();
    }

    /** Skips the calling test unless a Python with h5py and numpy is found; returns it. */
    public static Path assumeH5py() {
        skipUnless(Tools.H5PY_PYTHON.isPresent(), "no Python with h5py and numpy: tried "
                + Tools.pythonCandidates() + " (apt-get install python3-h5py python3-numpy, or "
                + "-Dkerasview.python=PATH)");
        return Tools.H5PY_PYTHON.get();
    }

    /** Skips the calling test unless {@code condition} holds, saying why on the console too. */
    public static void skipUnless(boolean condition, String why) {
        if (!condition) {
            skipped(why);
        }
        Assumptions.assumeTrue(condition, "SKIPPED: " + why);
    }

    /** Reports a check left out of an otherwise running test. */
    public static void skipped(String why) {
        System.out.println("SKIPPED: " + why);
    }

    /** The tools, looked up once per test run. */
    private static final class Tools {
        static final Optional<Path> H5DUMP = onPath("h5dump");
        static final Optional<Path> H5DIFF = onPath("h5diff");
        static final Optional<Path> H5PY_PYTHON = pythonCandidates().stream()
                .filter(Tools::importsH5py).findFirst();

        /** {@code -Dkerasview.python}, the system Python (where apt installs h5py), then PATH's. */
        static List<Path> pythonCandidates() {
            List<Path> candidates = new ArrayList<>();
            String chosen = System.getProperty("kerasview.python");
            if (chosen != null) {
                candidates.add(Path.of(chosen));
            }
            candidates.add(Path.of("/usr/bin/python3"));
            onPath("python3").ifPresent(candidates::add);
            return candidates;
        }

        private static boolean importsH5py(Path python) {
            if (!Files.isExecutable(python)) {
                return false;
            }
            try {
                Process p = new ProcessBuilder(python.toString(), "-c", "import h5py, numpy")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static Optional<Path> onPath(String tool) {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin");
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, tool);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }
}
