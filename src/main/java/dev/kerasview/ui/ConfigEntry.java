package dev.kerasview.ui;

/** One key of a layer's configuration with its value as readable text. */
public record ConfigEntry(String key, String value) {
}
