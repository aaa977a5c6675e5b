package dev.kerasview.fuzz;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Where the Keras-written fixtures are on the test class path. */
final class FuzzFixtures {

    private FuzzFixtures() {
    }

    static Path folder() {
        URL readme = FuzzFixtures.class.getResource("/fixtures/README.md");
        if (readme == null) {
            throw new IllegalStateException("fixtures/README.md is not on the test class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String relative) {
        return folder().resolve(relative);
    }
}
