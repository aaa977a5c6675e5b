package dev.kerasview.hdf5;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.DoubleConsumer;

/** Values jhdf decoded into Java arrays (chunked, compressed or compact datasets). */
final class DecodedArrays {

    private DecodedArrays() {
    }

    static void forEach(Object array, String dtype, DoubleConsumer sink) {
        if (array instanceof float[] f) {
            for (float v : f) {
                sink.accept(v);
            }
        } else if (array instanceof double[] d) {
            for (double v : d) {
                sink.accept(v);
            }
        } else if (array instanceof int[] a) {
            for (int v : a) {
                sink.accept(v);
            }
        } else if (array instanceof long[] a) {
            for (long v : a) {
                sink.accept(v);
            }
        } else if (array instanceof short[] a) {
            for (short v : a) {
                sink.accept(v);
            }
        } else if (array instanceof byte[] a) {
            boolean unsigned = dtype.startsWith("u") || dtype.equals("bool");
            for (byte v : a) {
                sink.accept(unsigned ? v & 0xFF : v);
            }
        } else if (array instanceof boolean[] a) {
            for (boolean v : a) {
                sink.accept(v ? 1 : 0);
            }
        } else {
            int n = Array.getLength(array);
            for (int i = 0; i < n; i++) {
                Object o = Array.get(array, i);
                if (o instanceof Number num) {
                    sink.accept(num.doubleValue());
                } else if (o instanceof Boolean b) {
                    sink.accept(b ? 1 : 0);
                } else if (o instanceof String s) {
                    sink.accept(s.equalsIgnoreCase("TRUE") ? 1 : 0);
                } else {
                    throw new IllegalArgumentException("values of type "
                            + array.getClass().getComponentType().getSimpleName()
                            + " are not numbers");
                }
            }
        }
    }

    /** Encodes decoded values back into little-endian elements of {@code dtype}. */
    static ByteBuffer encode(Object array, String dtype) {
        int n = Array.getLength(array);
        int size = NumpyDtype.elementSize(dtype);
        ByteBuffer out = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
        forEach(array, dtype, v -> {
            switch (dtype) {
                case "float32" -> out.putFloat((float) v);
                case "float64" -> out.putDouble(v);
                case "float16" -> out.putShort(HalfFloats.floatToHalf((float) v));
                case "bfloat16" -> out.putShort((short) (Float.floatToRawIntBits((float) v) >>> 16));
                case "int8", "uint8", "bool" -> out.put((byte) (long) v);
                case "int16", "uint16" -> out.putShort((short) (long) v);
                case "int32", "uint32" -> out.putInt((int) (long) v);
                default -> out.putLong((long) v);
            }
        });
        out.flip();
        return out;
    }
}
