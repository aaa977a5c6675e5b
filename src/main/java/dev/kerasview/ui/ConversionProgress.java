package dev.kerasview.ui;

/** Where a running conversion reports progress and learns of a cancel. */
public interface ConversionProgress {

    /** {@code done} of {@code total} bytes are moved (total 0: not known yet); {@code item} is the current step, or null. */
    void update(long done, long total, String item);

    /** True once the person has pressed Cancel. */
    boolean cancelled();
}
