package dev.kerasview.hdf5;

import io.jhdf.api.Attribute;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns jhdf attribute values into String, Number, or lists of them. */
final class AttributeValues {

    private AttributeValues() {
    }

    /** The value, or null when the type is not one Keras files use for metadata. */
    static Object read(Attribute a) {
        if (a.isEmpty()) {
            return List.of();
        }
        Object d = a.getData();
        return convert(d);
    }

    /** The value of already decoded attribute data, as {@link #read(Attribute)} gives it. */
    static Object of(Object data) {
        return convert(data);
    }

    private static Object convert(Object d) {
        if (d == null) {
            return null;
        }
        if (d instanceof String s) {
            return stripNulls(s);
        }
        if (d instanceof Number || d instanceof Boolean) {
            return d;
        }
        if (d instanceof byte[] b) {
            List<Object> out = new ArrayList<>(b.length);
            for (byte x : b) {
                out.add((long) x);
            }
            return out;
        }
        if (d.getClass().isArray()) {
            int n = Array.getLength(d);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = Array.get(d, i);
                Object c = convert(v);
                out.add(c instanceof Integer || c instanceof Short || c instanceof Byte
                        ? ((Number) c).longValue() : c);
            }
            return out;
        }
        if (d instanceof ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return stripNulls(new String(b, StandardCharsets.UTF_8));
        }
        return String.valueOf(d);
    }

    private static String stripNulls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }
}
