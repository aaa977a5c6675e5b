package dev.kerasview.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact rearrangements of row-major tensors held as bytes: joining along an axis, reversing
 * axes, permuting axes, and widening bfloat16 to float32. Values are moved, never recomputed.
 */
final class TensorOps {

    private TensorOps() {
    }

    /** A tensor's bytes with its shape and element size. */
    record Tensor(byte[] bytes, List<Long> shape, int elementSize) {
    }

    /** Bytes per element of a numpy dtype name, or -1 when unknown. */
    static int elementSize(String dtype) {
        return switch (dtype) {
            case "float64", "int64", "uint64", "complex64" -> 8;
            case "float32", "int32", "uint32" -> 4;
            case "float16", "bfloat16", "int16", "uint16" -> 2;
            case "int8", "uint8", "bool" -> 1;
            default -> -1;
        };
    }

    /** Joins tensors along {@code axis}; their other dimensions must agree. */
    static Tensor concat(List<Tensor> parts, int axis) {
        Tensor first = parts.get(0);
        int rank = first.shape().size();
        int a = axis < 0 ? axis + rank : axis;
        long outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= first.shape().get(i);
        }
        long total = 0;
        long axisSum = 0;
        for (Tensor t : parts) {
            if (t.shape().size() != rank || t.elementSize() != first.elementSize()) {
                throw new IllegalArgumentException("cannot join tensors of shapes " + first.shape() + " and " + t.shape());
            }
            for (int i = 0; i < rank; i++) {
                if (i != a && !t.shape().get(i).equals(first.shape().get(i))) {
                    throw new IllegalArgumentException("cannot join shapes " + first.shape() + " and " + t.shape()
                            + " along axis " + a);
                }
            }
            axisSum += t.shape().get(a);
            total += t.bytes().length;
        }
        byte[] out = new byte[Math.toIntExact(total)];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor t : parts) {
                int chunk = (int) (t.bytes().length / outer);
                System.arraycopy(t.bytes(), (int) (o * chunk), out, pos, chunk);
                pos += chunk;
            }
        }
        List<Long> shape = new ArrayList<>(first.shape());
        shape.set(a, axisSum);
        return new Tensor(out, shape, first.elementSize());
    }

    /** Reverses the order of elements along each of {@code axes}. */
    static Tensor flip(Tensor t, List<Integer> axes) {
        int rank = t.shape().size();
        boolean[] flip = new boolean[rank];
        axes.forEach(a -> flip[a < 0 ? a + rank : a] = true);
        return remap(t, t.shape(), (index, src) -> {
            for (int i = 0; i < rank; i++) {
                src[i] = flip[i] ? t.shape().get(i) - 1 - index[i] : index[i];
            }
        });
    }

    /** numpy's {@code transpose(t, perm)}: output axis i is input axis {@code perm[i]}. */
    static Tensor transpose(Tensor t, int[] perm) {
        int rank = t.shape().size();
        List<Long> shape = new ArrayList<>();
        for (int p : perm) {
            shape.add(t.shape().get(p));
        }
        return remap(t, shape, (index, src) -> {
            for (int i = 0; i < rank; i++) {
                src[perm[i]] = index[i];
            }
        });
    }

    /** bfloat16 values as float32: each value's 16 bits become the high half, exactly. */
    static byte[] bfloat16ToFloat32(byte[] bf16) {
        byte[] out = new byte[bf16.length * 2];
        for (int i = 0; i < bf16.length / 2; i++) {
            out[4 * i + 2] = bf16[2 * i];
            out[4 * i + 3] = bf16[2 * i + 1];
        }
        return out;
    }

    private interface IndexMap {
        void source(long[] outIndex, long[] srcIndex);
    }

    private static Tensor remap(Tensor t, List<Long> outShape, IndexMap map) {
        int rank = outShape.size();
        int es = t.elementSize();
        long[] srcStrides = strides(t.shape());
        long[] index = new long[rank];
        long[] src = new long[rank];
        byte[] out = new byte[t.bytes().length];
        long n = out.length / Math.max(1, es);
        for (long k = 0; k < n; k++) {
            map.source(index, src);
            long s = 0;
            for (int i = 0; i < rank; i++) {
                s += src[i] * srcStrides[i];
            }
            System.arraycopy(t.bytes(), (int) (s * es), out, (int) (k * es), es);
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < outShape.get(i)) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new Tensor(out, outShape, es);
    }

    private static long[] strides(List<Long> shape) {
        long[] s = new long[shape.size()];
        long acc = 1;
        for (int i = shape.size() - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape.get(i);
        }
        return s;
    }
}
