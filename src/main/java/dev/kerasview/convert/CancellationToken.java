package dev.kerasview.convert;

/** Asked between and within datasets whether the person wants the conversion to stop. */
@FunctionalInterface
public interface CancellationToken {

    /** A token that never cancels. */
    CancellationToken NEVER = () -> false;

    /** True once the conversion should stop. */
    boolean isCancelled();
}
