package dev.kerasview.hdf5.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Stores a string list that may be too long for one attribute the way Keras's legacy writer does
 * ({@code save_attributes_to_hdf5_group}): as {@code name} when it fits, else split like
 * {@code numpy.array_split} into the fewest attributes {@code name0}, {@code name1}, ... that fit.
 * Keras's loader ({@code load_attributes_from_hdf5_group}) joins them back.
 */
public final class ChunkedStringAttribute {

    private ChunkedStringAttribute() {
    }

    /**
     * Sets the attribute(s) through {@code target} (e.g. {@code group::attribute}) and returns the
     * names used.
     *
     * @throws IllegalArgumentException if a single string alone cannot be stored
     */
    public static List<String> write(BiConsumer<String, AttributeValue> target, String name,
            List<String> values, StringEncoding encoding) {
        if (fits(name, values, encoding)) {
            target.accept(name, AttributeValue.strings(values, encoding));
            return List.of(name);
        }
        for (int chunks = 2; chunks <= Math.max(2, values.size()); chunks++) {
            List<List<String>> parts = arraySplit(values, chunks);
            boolean allFit = true;
            for (int i = 0; i < parts.size() && allFit; i++) {
                allFit = fits(name + i, parts.get(i), encoding);
            }
            if (allFit) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    target.accept(name + i, AttributeValue.strings(parts.get(i), encoding));
                    names.add(name + i);
                }
                return names;
            }
        }
        // one string per attribute does not fit either: report why for the longest one
        String longest = values.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse("");
        AttributeMessage.validatedSize(name + "0", AttributeValue.strings(List.of(longest), encoding));
        throw new IllegalArgumentException("attribute '" + name + "' cannot be split to fit HDF5's limits");
    }

    private static boolean fits(String name, List<String> values, StringEncoding encoding) {
        try {
            AttributeMessage.validatedSize(name, AttributeValue.strings(values, encoding));
            return true;
        } catch (IllegalArgumentException tooLarge) {
            return false;
        }
    }

    /** numpy.array_split: the first {@code n % k} parts get one element more. */
    private static List<List<String>> arraySplit(List<String> values, int parts) {
        List<List<String>> result = new ArrayList<>();
        int base = values.size() / parts;
        int extra = values.size() % parts;
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int length = base + (i < extra ? 1 : 0);
            result.add(values.subList(start, start + length));
            start += length;
        }
        return result;
    }
}
