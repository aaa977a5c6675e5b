package dev.kerasview.ui;

import dev.kerasview.model.Product;
import java.util.List;

/** What Help › About says: kerasview's version, the Keras release it models, and the bundled libraries' licences. */
final class AboutText {

    /** The Keras release whose loading the diagnosis replays (the catalog's resources carry the same number). */
    static final String KERAS_MODELLED = Product.KERAS_MODELLED;

    /**
     * A library bundled in the app and its licence.
     *
     * @param name    the library
     * @param licence its licence
     */
    record Library(String name, String licence) {
    }

    static final List<Library> LIBRARIES = List.of(
            new Library("OpenJFX 21", "GPL 2.0 with the Classpath Exception"),
            new Library("ControlsFX 11", "BSD 3-Clause"),
            new Library("jHDF", "MIT"),
            new Library("Jackson", "Apache 2.0"),
            new Library("picocli", "Apache 2.0"),
            new Library("SLF4J", "MIT"));

    private AboutText() {
    }

    /** kerasview's version, as {@code kerasview --version} prints it. */
    static String version() {
        return Product.VERSION;
    }

    /** The whole text. */
    static String text() {
        StringBuilder b = new StringBuilder();
        b.append(version()).append('\n');
        b.append("Predicts what Keras ").append(KERAS_MODELLED).append(" does when loading a model file.\n\n");
        b.append("Bundled libraries:\n");
        for (Library l : LIBRARIES) {
            b.append("  ").append(l.name()).append(" — ").append(l.licence()).append('\n');
        }
        return b.toString();
    }
}
