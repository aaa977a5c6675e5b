package dev.kerasview.ui;

import dev.kerasview.diagnose.PythonShapes;
import java.util.List;
import java.util.Locale;

/** Formats sizes, counts and shapes the way the window shows them. */
public final class DisplayFormat {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private DisplayFormat() {
    }

    /** {@code 182127} → {@code "177.9 KB"} (binary multiples, one decimal above bytes). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** {@code 1234567} → {@code "1,234,567"}. */
    public static String count(long n) {
        // every visible tree row formats one: Formatter's parsing cost a tenth of the first layout
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        if (len <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + len / 3);
        out.append(digits, 0, sign);
        int first = len % 3 == 0 ? 3 : len % 3;
        out.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** {@code [4, 16]} → {@code "(4, 16)"}, a scalar → {@code "()"}, as Keras prints shapes. */
    public static String shape(List<Long> shape) {
        return PythonShapes.tuple(shape);
    }

    /** A number for statistics: compact, with NaN and infinities spelled out. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v != 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** "1 layer", "2 layers". */
    public static String plural(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
