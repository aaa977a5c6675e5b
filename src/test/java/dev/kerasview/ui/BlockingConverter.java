package dev.kerasview.ui;

import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.Converter;
import dev.kerasview.convert.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A conversion too slow to finish while a test watches: writes a temporary file named as the
 * core's atomic output names them, then waits for a cancel and removes it, as the core does.
 */
final class BlockingConverter implements ModelConverter {

    /** Counted down once the temporary file is on disk. */
    final CountDownLatch writing = new CountDownLatch(1);
    /** Counted down once the converter has returned. */
    final CountDownLatch returned = new CountDownLatch(1);

    @Override
    public ConversionOutcome convert(ConversionRequest request, ConversionProgress progress, CancellationToken cancel)
            throws Exception {
        Path out = Converter.outputs(request).get(0);
        Path temp = out.resolveSibling("." + out.getFileName() + TempFiles.MARKER + "5g3kq0zt");
        try {
            Files.write(temp, new byte[64 * 1024]);
            progress.update(64 * 1024, 1L << 30, "writing dense/kernel");
            writing.countDown();
            while (!cancel.isCancelled()) {
                // polls the token as the core does between chunks
                LockSupport.parkNanos(5_000_000);
            }
            throw new CancellationException("cancelled");
        } finally {
            Files.deleteIfExists(temp);
            returned.countDown();
        }
    }
}
