package dev.kerasview.hdf5;

import java.util.function.DoubleConsumer;

/**
 * Keras's {@code unpack_int4} along the last axis, streamed: each stored int8 holds two signed
 * int4 values, the low nibble first; an odd original length leaves the last high nibble of each row
 * as padding, which is not a value.
 */
final class Int4Nibbles {

    private final long packedLastDim;
    private final long originalLastDim;
    private final DoubleConsumer sink;
    private long index;

    /**
     * @param packedLastDim   the stored last dimension, {@code ceil(originalLastDim / 2)}
     * @param originalLastDim the last dimension Keras unpacks to
     */
    Int4Nibbles(long packedLastDim, long originalLastDim, DoubleConsumer sink) {
        if (packedLastDim != (originalLastDim + 1) / 2) {
            throw new IllegalArgumentException("a last dimension of " + originalLastDim + " packs into "
                    + (originalLastDim + 1) / 2 + " bytes, not " + packedLastDim);
        }
        this.packedLastDim = packedLastDim;
        this.originalLastDim = originalLastDim;
        this.sink = sink;
    }

    void accept(byte packed) {
        sink.accept((byte) (packed << 4) >> 4);
        boolean padding = originalLastDim % 2 == 1 && index % packedLastDim == packedLastDim - 1;
        if (!padding) {
            sink.accept(packed >> 4);
        }
        index++;
    }
}
