package dev.kerasview.diagnose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The Python modules of the Keras 3.15.1 package (public API and {@code keras.src}), from a
 * list derived from its source: a class whose recorded module is not among them cannot be
 * imported ({@code keras.src.engine.functional} of tf.keras 2.x files).
 */
final class KerasModules {

    private static final String RESOURCE = "/dev/kerasview/catalog/modules-keras-3.15.1.txt";

    private final Set<String> modules = new HashSet<>();

    KerasModules() {
        try (InputStream in = KerasModules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in,
                    StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    modules.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True unless the module is Keras's own and Keras 3.15.1 has no such module. */
    boolean importable(String module) {
        if (modules.isEmpty() || module == null) {
            return true;
        }
        boolean keras = module.equals("keras") || module.startsWith("keras.");
        return !keras || modules.contains(module);
    }
}
