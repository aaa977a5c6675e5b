package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's shape ops as Keras 3 layers, which move no value: reshape, expand_dims and squeeze as Reshape,
 * concat as Concatenate. TensorFlow's shapes include the batch axis, Keras's Reshape target does not, so each is
 * translated only where the config's shapes prove the batch axis stays where it is.
 */
final class ShapeOps {

    private ShapeOps() {
    }

    /** {@code tf.reshape(x, [-1, d1, ...])}: Reshape((d1, ...)) when d1·... is the per-sample size of x. */
    static TfOpTranslation reshape(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        TfOpCall.Tensor x = tensor(call);
        List<Long> in = knownShape(call, facts, x);
        List<Long> target = integers(call, call.arg(1), "shape");
        if (target == null || target.isEmpty() || target.get(0) != -1) {
            throw call.refuse("its shape " + argText(call.arg(1)) + " does not keep the batch axis first as -1, so"
                    + " the batch size could change, which Keras's Reshape cannot express");
        }
        List<Long> rest = target.subList(1, target.size());
        long size = 1;
        for (long d : rest) {
            if (d <= 0) {
                throw call.refuse("its shape " + target + " has a second -1 or an empty axis after the batch axis");
            }
            size *= d;
        }
        long perSample = product(in.subList(1, in.size()));
        if (rest.isEmpty() || size != perSample) {
            throw call.refuse("its shape " + target + " does not hold exactly one sample (" + perSample
                    + " values for input " + in + ") per row, so TensorFlow's -1 is not the batch axis");
        }
        return reshaped(x, rest, "reshape to " + target + " as Reshape(" + rest + ")");
    }

    /** {@code tf.expand_dims(x, axis)} with axis not the batch axis: Reshape with a 1 inserted. */
    static TfOpTranslation expandDims(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        TfOpCall.Tensor x = tensor(call);
        List<Long> in = shape(call, facts, x);
        long axis = axis(call);
        int rank = in.size();
        long position = axis < 0 ? axis + rank + 1 : axis;
        if (position < 1 || position > rank) {
            throw call.refuse("its axis " + axis + " is the batch axis or outside the rank-" + rank + " input");
        }
        List<Long> target = new ArrayList<>(in.subList(1, in.size()));
        target.add((int) position - 1, 1L);
        return reshaped(x, withOneUnknown(call, target), "expand_dims at axis " + axis + " as Reshape");
    }

    /** {@code tf.squeeze(x, axis)} with axes of known size 1, none the batch axis: Reshape without them. */
    static TfOpTranslation squeeze(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        TfOpCall.Tensor x = tensor(call);
        List<Long> in = shape(call, facts, x);
        List<Long> axes = integers(call, call.arg(1), "axis");
        if (axes == null || axes.isEmpty()) {
            throw call.refuse("it squeezes every axis of size 1, the batch axis too when a batch holds one sample");
        }
        int rank = in.size();
        List<Integer> drop = new ArrayList<>();
        for (long a : axes) {
            long p = a < 0 ? a + rank : a;
            if (p < 1 || p >= rank || in.get((int) p) == null || in.get((int) p) != 1L) {
                throw call.refuse("its axis " + a + " is the batch axis or not an axis of known size 1 of its input "
                        + in);
            }
            drop.add((int) p);
        }
        List<Long> target = new ArrayList<>();
        for (int i = 1; i < rank; i++) {
            if (!drop.contains(i)) {
                target.add(in.get(i));
            }
        }
        return reshaped(x, withOneUnknown(call, target), "squeeze of axes " + axes + " as Reshape");
    }

    /** {@code tf.concat([a, b, ...], axis)} with axis not the batch axis: Concatenate(axis). */
    static TfOpTranslation concat(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        if (!(call.arg(0) instanceof TfOpCall.ArgList values) || values.items().size() < 2) {
            throw call.refuse("it does not join a list of two or more tensors");
        }
        List<TfOpCall.Tensor> inputs = new ArrayList<>();
        for (TfOpCall.Arg a : values.items()) {
            if (!(a instanceof TfOpCall.Tensor t)) {
                throw call.refuse("it joins a constant (" + argText(a) + "), which no Keras layer holds");
            }
            inputs.add(t);
        }
        long axis = axis(call);
        if (axis < 0) {
            List<Long> first = facts.shape(inputs.get(0));
            if (first == null || axis + first.size() < 1) {
                throw call.refuse("its axis " + axis + " may be the batch axis: the input's rank is "
                        + (first == null ? "unknown" : String.valueOf(first.size())));
            }
        } else if (axis == 0) {
            throw call.refuse("it joins along the batch axis, which Keras's Concatenate does not do");
        }
        ObjectNode args = Json.object();
        args.put("axis", axis);
        return new TfOpTranslation("Concatenate", args, inputs, null, "Concatenate(axis=" + axis + ")");
    }

    private static TfOpTranslation reshaped(TfOpCall.Tensor x, List<Long> target, String how) {
        ObjectNode args = Json.object();
        ArrayNode shape = args.putArray("target_shape");
        target.forEach(shape::add);
        return new TfOpTranslation("Reshape", args, List.of(x), null, how);
    }

    /** The Reshape target with its one unknown size as -1; refused when more than one is unknown. */
    private static List<Long> withOneUnknown(TfOpCall call, List<Long> target) throws UpgradeRefusedException {
        List<Long> out = new ArrayList<>();
        int unknown = 0;
        for (Long d : target) {
            unknown += d == null ? 1 : 0;
            out.add(d == null ? -1L : d);
        }
        if (unknown > 1) {
            throw call.refuse("its input has " + unknown + " axes of unknown size besides the batch axis, and Keras's"
                    + " Reshape can leave only one unknown");
        }
        return out;
    }

    private static TfOpCall.Tensor tensor(TfOpCall call) throws UpgradeRefusedException {
        if (!(call.arg(0) instanceof TfOpCall.Tensor x)) {
            throw call.refuse("its first argument is not a tensor of the model");
        }
        return x;
    }

    private static List<Long> shape(TfOpCall call, TensorFacts facts, TfOpCall.Tensor x)
            throws UpgradeRefusedException {
        List<Long> in = facts.shape(x);
        if (in == null || in.isEmpty()) {
            throw call.refuse("the config does not tell the shape of its input '" + x.layer() + "'");
        }
        return in;
    }

    private static List<Long> knownShape(TfOpCall call, TensorFacts facts, TfOpCall.Tensor x)
            throws UpgradeRefusedException {
        List<Long> in = shape(call, facts, x);
        if (in.subList(1, in.size()).contains(null)) {
            throw call.refuse("its input " + in + " has axes of unknown size, so the batch axis of the result is not"
                    + " certain");
        }
        return in;
    }

    private static long axis(TfOpCall call) throws UpgradeRefusedException {
        List<Long> a = integers(call, call.arg(1), "axis");
        if (a == null || a.size() != 1) {
            throw call.refuse("its axis " + argText(call.arg(1)) + " is not one integer");
        }
        return a.get(0);
    }

    /** An integer or list of integers given as a constant, as a list; null when the argument is not one. */
    private static List<Long> integers(TfOpCall call, TfOpCall.Arg arg, String what) throws UpgradeRefusedException {
        if (arg instanceof TfOpCall.Tensor) {
            throw call.refuse("its " + what + " is computed by the model, not a constant");
        }
        if (!(arg instanceof TfOpCall.Constant c) || c.value() == null || c.value().isNull()) {
            return null;
        }
        JsonNode v = c.value();
        List<Long> out = new ArrayList<>();
        if (v.isIntegralNumber() || isIntegerText(v)) {
            out.add(v.asLong());
            return out;
        }
        if (!v.isArray()) {
            return null;
        }
        for (JsonNode d : v) {
            if (!d.isIntegralNumber() && !isIntegerText(d)) {
                return null;
            }
            out.add(d.asLong());
        }
        return out;
    }

    /** Protobuf's JSON form writes 64-bit integers as strings ({@code "i": ["1", "4"]}). */
    private static boolean isIntegerText(JsonNode v) {
        return v.isTextual() && v.asText().matches("-?\\d+");
    }

    private static long product(List<Long> dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    private static String argText(TfOpCall.Arg a) {
        return a instanceof TfOpCall.Constant c ? String.valueOf(c.value()) : String.valueOf(a);
    }
}
