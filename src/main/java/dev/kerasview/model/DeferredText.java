package dev.kerasview.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Text made the first time it is asked for, then kept: a layer's config JSON, which only the
 * details pane and a few listings read, costs a model with thousands of layers a tenth of a
 * second to write out for every layer up front.
 */
public final class DeferredText {

    private Supplier<String> source;
    private String text;

    private DeferredText(Supplier<String> source, String text) {
        this.source = source;
        this.text = text;
    }

    /** Text that is already made. */
    public static DeferredText of(String text) {
        return new DeferredText(null, Objects.requireNonNull(text, "text"));
    }

    /** Text that {@code source} makes when first asked; it must give the same text on any thread. */
    public static DeferredText from(Supplier<String> source) {
        return new DeferredText(Objects.requireNonNull(source, "source"), null);
    }

    /** The text, made now if this is the first time. */
    public synchronized String get() {
        if (source != null) {
            text = Objects.requireNonNull(source.get(), "deferred text");
            source = null; // what it kept alive can go now
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeferredText d && get().equals(d.get());
    }

    @Override
    public int hashCode() {
        return get().hashCode();
    }

    @Override
    public String toString() {
        return get();
    }
}
