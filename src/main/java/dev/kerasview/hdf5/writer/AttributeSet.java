package dev.kerasview.hdf5.writer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes of one object, in the order first set; setting a name again replaces its value. */
final class AttributeSet {

    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** Validates and stores; {@link IllegalArgumentException} when HDF5 cannot hold the value. */
    void put(String objectPath, String name, AttributeValue value) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid attribute name " + quoted(name) + " on " + objectPath);
        }
        if (value == null) {
            throw new IllegalArgumentException("attribute '" + name + "' on " + objectPath + " has no value");
        }
        if (value instanceof AttributeValue.StringScalar scalar && scalar.value() == null) {
            throw new IllegalArgumentException("attribute '" + name + "' on " + objectPath + " is a null string");
        }
        try {
            AttributeMessage.validatedSize(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(objectPath + ": " + e.getMessage(), e);
        }
        values.put(name, value);
    }

    Map<String, AttributeValue> values() {
        return values;
    }

    private static String quoted(String name) {
        return name == null ? "null" : "'" + name.replace("\0", "\\0") + "'";
    }
}
