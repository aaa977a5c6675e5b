package dev.kerasview.hdf5;

import java.nio.ByteBuffer;
import java.util.function.DoubleConsumer;

/** Decodes stored elements of a numpy dtype to float64, one primitive value at a time. */
final class ElementDecoder {

    private ElementDecoder() {
    }

    /** Decodes every whole element remaining in {@code b} (its byte order already set). */
    static void decode(ByteBuffer b, String dtype, DoubleConsumer sink) {
        switch (dtype) {
            case "float32" -> {
                while (b.remaining() >= 4) {
                    sink.accept(b.getFloat());
                }
            }
            case "float64" -> {
                while (b.remaining() >= 8) {
                    sink.accept(b.getDouble());
                }
            }
            case "float16" -> {
                while (b.remaining() >= 2) {
                    sink.accept(HalfFloats.halfToFloat(b.getShort()));
                }
            }
            case "bfloat16" -> {
                while (b.remaining() >= 2) {
                    sink.accept(Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16));
                }
            }
            case "int8" -> {
                while (b.hasRemaining()) {
                    sink.accept(b.get());
                }
            }
            case "uint8", "bool" -> {
                while (b.hasRemaining()) {
                    sink.accept(b.get() & 0xFF);
                }
            }
            case "int16" -> {
                while (b.remaining() >= 2) {
                    sink.accept(b.getShort());
                }
            }
            case "uint16" -> {
                while (b.remaining() >= 2) {
                    sink.accept(b.getShort() & 0xFFFF);
                }
            }
            case "int32" -> {
                while (b.remaining() >= 4) {
                    sink.accept(b.getInt());
                }
            }
            case "uint32" -> {
                while (b.remaining() >= 4) {
                    sink.accept(Integer.toUnsignedLong(b.getInt()));
                }
            }
            case "int64" -> {
                while (b.remaining() >= 8) {
                    sink.accept(b.getLong());
                }
            }
            case "uint64" -> {
                while (b.remaining() >= 8) {
                    long v = b.getLong();
                    sink.accept(v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1));
                }
            }
            default -> throw new IllegalArgumentException("dtype '" + dtype + "' is not numeric");
        }
    }
}
