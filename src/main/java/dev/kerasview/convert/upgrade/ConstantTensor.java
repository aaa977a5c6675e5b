package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A float32 tensor a config holds as a nested JSON list (a tf.keras op layer's constant), which the converted
 * model keeps as a weight.
 *
 * @param shape the tensor's shape
 * @param bytes its values as little-endian float32, row-major
 */
public record ConstantTensor(List<Long> shape, byte[] bytes) {

    public ConstantTensor {
        shape = List.copyOf(shape);
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The float32 tensor a rectangular nested list of numbers spells, or null for anything else. */
    static ConstantTensor float32(JsonNode nested) {
        List<Long> shape = new ArrayList<>();
        for (JsonNode n = nested; n != null && n.isArray(); n = n.size() > 0 ? n.get(0) : null) {
            shape.add((long) n.size());
        }
        List<Float> values = new ArrayList<>();
        if (!collect(nested, shape, 0, values)) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(values.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(b::putFloat);
        return new ConstantTensor(Collections.unmodifiableList(shape), b.array());
    }

    private static boolean collect(JsonNode n, List<Long> shape, int depth, List<Float> out) {
        if (depth == shape.size()) {
            if (!n.isNumber()) {
                return false;
            }
            out.add((float) n.doubleValue());
            return true;
        }
        if (!n.isArray() || n.size() != shape.get(depth)) {
            return false;
        }
        for (JsonNode child : n) {
            if (!collect(child, shape, depth + 1, out)) {
                return false;
            }
        }
        return true;
    }
}
