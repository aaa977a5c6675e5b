package dev.kerasview.ui;

import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.WeightsFormat;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process converting as the window does (guarded, journalled, stopping on shutdown), for
 * tests that signal it: {@code ConvertingChild MODEL JOURNALS} prints "converting" once its
 * temporary file exists, then waits to be stopped.
 */
public final class ConvertingChild {

    private ConvertingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        BlockingConverter slow = new BlockingConverter();
        ConversionGuard guard = new ConversionGuard(slow,
                new ConversionJournal(Path.of(args[1]), ProcessHandle.current().pid()));
        guard.stopOnShutdown(Duration.ofSeconds(20));
        Thread worker = new Thread(() -> {
            try {
                guard.convert(new ConversionRequest(model, null, ConversionTarget.H5, WeightsFormat.LEGACY,
                        model.resolveSibling("vae.h5"), false, false), ConversionProgress.NONE, CancellationToken.NEVER);
            } catch (Exception cancelled) {
                // the shutdown cancelled it, as intended
            }
        });
        worker.setDaemon(true);
        worker.start();
        slow.writing.await();
        System.out.println("converting");
        System.out.flush();
        worker.join();
    }
}
