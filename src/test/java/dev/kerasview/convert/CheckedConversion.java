package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs a conversion and checks what every conversion must keep: the input, a verified output, no leftovers. */
final class CheckedConversion {

    private CheckedConversion() {
    }

    static ConversionResult run(Converter converter, ConversionRequest request) throws Exception {
        Path input = request.input();
        String before = ReferenceTools.sha256(input);
        ConversionResult r = converter.convert(request, ConversionProgress.NONE, CancellationToken.NEVER);
        assertEquals(before, ReferenceTools.sha256(input), "the input must not change");
        assertTrue(r.verification().passed(), String.valueOf(r.verification().problems()));
        try (Stream<Path> files = Files.list(input.toAbsolutePath().getParent())) {
            assertFalse(files.anyMatch(TempFiles::isTempFile), "no temporary file may remain");
        }
        return r;
    }
}
