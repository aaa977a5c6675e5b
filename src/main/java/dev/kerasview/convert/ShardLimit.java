package dev.kerasview.convert;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest size of one weights shard, in bytes. Units are binary, as Keras's
 * {@code max_shard_size} (gigabytes times 1024³): "2GB", "0.25GB", "500MB", "10KB"; a bare
 * number is bytes.
 *
 * @param bytes the limit; Keras starts a new shard when the next variable would pass it
 */
public record ShardLimit(long bytes) {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]I?B|B)?");

    public ShardLimit {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a shard size must be above 0 bytes");
        }
    }

    /**
     * Reads "2GB", "500MB", "10KB", "0.25GB", "4096" (bytes).
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static ShardLimit parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 2GB, 500MB, 10KB or a "
                    + "number of bytes");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).replace("I", "");
        int power = "BKMGT".indexOf(unit.charAt(0));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        // Keras compares sizes as floats; a fraction of a byte changes no decision.
        long whole = bytes.longValue();
        if (whole <= 0) {
            throw new IllegalArgumentException("'" + text + "' is below one byte; a shard needs room for a variable");
        }
        return new ShardLimit(whole);
    }

    /** The size in Keras's words ({@code readable_memory_size}: 1024-based, two decimals). */
    String readable() {
        double size = bytes;
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        for (String unit : units) {
            if (size / 1024 < 1) {
                return String.format(Locale.ROOT, "%.2f %s", size, unit);
            }
            size /= 1024;
        }
        return String.format(Locale.ROOT, "%.2f PB", size);
    }
}
