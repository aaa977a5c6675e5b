package dev.kerasview.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The readable strings inside a Lambda layer's base64 marshalled bytecode, for display only.
 * The payload is never executed nor unmarshalled.
 */
public final class LambdaPayload {

    private static final int MIN_RUN = 4;

    private LambdaPayload() {
    }

    /** Printable ASCII runs of at least four characters, in order; empty when not base64. */
    public static List<String> readableStrings(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean printable = i < bytes.length && bytes[i] >= 0x20 && bytes[i] < 0x7F;
            if (printable && start < 0) {
                start = i;
            } else if (!printable && start >= 0) {
                if (i - start >= MIN_RUN) {
                    out.add(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
                }
                start = -1;
            }
        }
        return out;
    }
}
