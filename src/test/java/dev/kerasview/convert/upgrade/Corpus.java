package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real-world corpus and the Keras-3.15.1-written fixtures, and their truth texts. */
final class Corpus {

    /** The shared corpus beside the repository; absent on a bare clone. */
    static final Path ROOT = Path.of("../shared/corpus/files");

    /** The Keras 3.15.1 fixtures copied into the repository. */
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** Truth texts made by the Keras oracle for upgraded configs (src/test/resources/upgrade/oracle). */
    static final Path TRUTH = Path.of("src/test/resources/upgrade/truth");

    private Corpus() {
    }

    /** A corpus file; the test is skipped, saying why, when the corpus is not beside the repository. */
    static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "skipped: the shared corpus file " + p.toAbsolutePath()
                + " is not there (the corpus lives in ../shared/corpus and is not part of the repository)");
        return p;
    }

    static Path fixture(String relative) {
        return FIXTURES.resolve(relative);
    }

    /** The name of the truth text for a file: its folder and name, plus ".sigmoid" for the edited variant. */
    static String truthStem(Path file, boolean sigmoid) {
        Path parent = file.toAbsolutePath().getParent();
        return parent.getFileName() + "__" + file.getFileName() + (sigmoid ? ".sigmoid" : "");
    }
}
