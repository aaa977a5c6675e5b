package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Path;

/** Parses architecture JSON text, turning failures into a readable refusal. */
final class ConfigText {

    private ConfigText() {
    }

    static JsonNode parse(Path file, String where, String text) throws UnreadableFileException {
        if (text.length() > KerasJson.MAX_BYTES) {
            throw new UnreadableFileException(file, where + " is larger than "
                    + KerasJson.MAX_BYTES + " bytes and is refused");
        }
        JsonNode n;
        try {
            n = KerasJson.parse(text);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableFileException(file, where + " is not valid JSON ("
                    + ModelReader.reason(e) + ")");
        }
        return modelConfig(file, where, n);
    }

    /** {@code n}, already parsed from {@code where}, when it is a Keras model config. */
    static JsonNode modelConfig(Path file, String where, JsonNode n) throws UnreadableFileException {
        if (!n.isObject() || !n.path("class_name").isTextual()) {
            throw new UnreadableFileException(file, where + " is JSON but not a Keras model "
                    + "config (no \"class_name\")");
        }
        return n;
    }

    /** Parses any JSON value (an index file), refusing oversize or invalid text. */
    static JsonNode parseAny(Path file, String text) throws UnreadableFileException {
        if (text.length() > KerasJson.MAX_BYTES) {
            throw new UnreadableFileException(file, "is larger than " + KerasJson.MAX_BYTES
                    + " bytes and is refused");
        }
        try {
            return KerasJson.parse(text);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableFileException(file, "is not valid JSON ("
                    + ModelReader.reason(e) + ")");
        }
    }
}
