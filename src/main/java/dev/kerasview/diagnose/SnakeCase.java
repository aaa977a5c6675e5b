package dev.kerasview.diagnose;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keras's {@code to_snake_case}, which names weight groups after runtime class names (§4.4). */
public final class SnakeCase {

    private static final Pattern NON_WORD =
            Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD_START =
            Pattern.compile("(.)([A-Z][a-z]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LOWER_UPPER =
            Pattern.compile("([a-z])([A-Z])", Pattern.UNICODE_CHARACTER_CLASS);

    private SnakeCase() {
    }

    /** {@code Conv2DTranspose} → {@code conv2d_transpose}, {@code PReLU} → {@code p_re_lu}. */
    public static String of(String className) {
        String s = NON_WORD.matcher(className).replaceAll("");
        s = WORD_START.matcher(s).replaceAll("$1_$2");
        s = LOWER_UPPER.matcher(s).replaceAll("$1_$2");
        return s.toLowerCase(Locale.ROOT);
    }
}
