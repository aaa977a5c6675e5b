package dev.kerasview.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keras's {@code to_snake_case}: how a class name becomes a weights path segment. */
public final class SnakeCase {

    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CAMEL = Pattern.compile("(.)([A-Z][a-z]+)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])",
            Pattern.UNICODE_CHARACTER_CLASS);

    private SnakeCase() {
    }

    /** {@code Conv2DTranspose} → {@code conv2d_transpose}, {@code PReLU} → {@code p_re_lu}. */
    public static String of(String className) {
        // a model with thousands of layers asks this for every layer: ASCII names (all of Keras's
        // and nearly every custom one) go through one pass instead of three regular expressions
        return className.chars().allMatch(c -> c < 0x80) ? asciiOf(className) : byPatterns(className);
    }

    /** Keras's three substitutions, as regular expressions: any name. */
    static String byPatterns(String className) {
        String s = NON_WORD.matcher(className).replaceAll("");
        s = CAMEL.matcher(s).replaceAll("$1_$2");
        s = LOWER_UPPER.matcher(s).replaceAll("$1_$2");
        return s.toLowerCase(Locale.ROOT);
    }

    /** The same substitutions written out for ASCII names. */
    static String asciiOf(String className) {
        StringBuilder word = new StringBuilder(className.length());
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (c == '_' || Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        // (.)([A-Z][a-z]+) → $1_$2, left to right, each match resuming after the lowercase run
        StringBuilder camel = new StringBuilder(word.length() + 8);
        int i = 0;
        while (i < word.length()) {
            if (i + 2 < word.length() && upper(word.charAt(i + 1)) && lower(word.charAt(i + 2))) {
                int end = i + 3;
                while (end < word.length() && lower(word.charAt(end))) {
                    end++;
                }
                camel.append(word.charAt(i)).append('_').append(word, i + 1, end);
                i = end;
            } else {
                camel.append(word.charAt(i));
                i++;
            }
        }
        // ([a-z])([A-Z]) → $1_$2, matches not overlapping
        StringBuilder out = new StringBuilder(camel.length() + 8);
        i = 0;
        while (i < camel.length()) {
            char c = camel.charAt(i);
            if (i + 1 < camel.length() && lower(c) && upper(camel.charAt(i + 1))) {
                out.append(c).append('_').append(Character.toLowerCase(camel.charAt(i + 1)));
                i += 2;
            } else {
                out.append(Character.toLowerCase(c));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
