package dev.kerasview.convert.upgrade.python;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The marshal bytes of a function as Keras writes them in a config: base64 text (Keras 2 on Python 3, Keras 3),
 * or Python 2's {@code marshal.dumps(...).decode('raw_unicode_escape')} (Keras 1 and 2 on Python 2). Keras's
 * own {@code func_load} tries base64 first and falls back to {@code encode('raw_unicode_escape')}, as here.
 */
public final class MarshalText {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private MarshalText() {
    }

    /** The marshalled bytes the text stands for. */
    public static byte[] bytes(String text) {
        if (BASE64.matcher(text).matches()) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                // not base64 after all: Python 2 text of only letters and digits
            }
        }
        return rawUnicodeEscape(text);
    }

    /** Python's {@code str.encode('raw_unicode_escape')}: Latin-1 bytes, larger code points as \\uXXXX. */
    static byte[] rawUnicodeEscape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text.codePoints().forEach(cp -> {
            if (cp < 0x100) {
                out.write(cp);
            } else {
                String escape = cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
                out.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
            }
        });
        return out.toByteArray();
    }
}
