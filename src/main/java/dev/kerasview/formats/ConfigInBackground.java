package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Parses a model's config.json on a thread of its own while the caller reads the weights
 * file's structure: the two do not depend on each other, and for a model with thousands of
 * layers each takes a noticeable part of opening it.
 */
final class ConfigInBackground {

    private final FutureTask<JsonNode> parse;

    /** Starts parsing {@code text} (the {@code where} entry of {@code file}) now. */
    ConfigInBackground(Path file, String where, String text) {
        parse = new FutureTask<>(() -> ConfigText.parse(file, where, text));
        Thread t = new Thread(parse, "kerasview-config");
        t.setDaemon(true);
        t.start();
    }

    /** The parsed config, or the reason it is refused, exactly as parsing in place would give them. */
    JsonNode get() throws UnreadableFileException {
        try {
            return parse.get();
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing config.json", e);
        } catch (ExecutionException e) {
            throw UnreadableFileException.causeOf(e, cause -> {
                throw new IllegalStateException(cause);
            });
        }
    }
}
