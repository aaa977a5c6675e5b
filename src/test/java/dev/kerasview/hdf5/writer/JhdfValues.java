package dev.kerasview.hdf5.writer;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Flattens the nested Java arrays jhdf returns into one list, row-major. */
final class JhdfValues {

    private JhdfValues() {
    }

    static List<Object> flatten(Object data) {
        List<Object> values = new ArrayList<>();
        collect(data, values);
        return values;
    }

    /** Values as exact decimals (numbers) or strings (enum members), for comparison. */
    static List<String> asText(Object data) {
        List<String> text = new ArrayList<>();
        for (Object value : flatten(data)) {
            text.add(value instanceof Number number ? decimal(number) : String.valueOf(value));
        }
        return text;
    }

    static String decimal(Object number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    private static void collect(Object data, List<Object> out) {
        if (data != null && data.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(data); i++) {
                collect(Array.get(data, i), out);
            }
        } else {
            out.add(data);
        }
    }
}
