package dev.kerasview.convert;

/** Receives progress of a conversion: bytes of tensor data done out of the total, and the current item. */
@FunctionalInterface
public interface ConversionProgress {

    /** Ignores all progress. */
    ConversionProgress NONE = (done, total, item) -> { };

    /**
     * @param bytesDone  tensor bytes written (and, during verification, re-read) so far
     * @param bytesTotal all tensor bytes the conversion will move
     * @param item       what is being worked on ({@code writing dense/kernel}, {@code verifying ...})
     */
    void update(long bytesDone, long bytesTotal, String item);
}
