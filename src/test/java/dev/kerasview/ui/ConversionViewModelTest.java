package dev.kerasview.ui;

import dev.kerasview.convert.ConversionTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionViewModelTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    /** Writes the output in ten steps, honouring cancel by deleting it; step 3 waits for {@code gate}. */
    private static ModelConverter steppingConverter(CountDownLatch atStep3, CountDownLatch gate) {
        return (request, progress, cancel) -> {
            Path tmp = request.output().resolveSibling(request.output().getFileName() + ".part");
            Files.writeString(tmp, "");
            try {
                for (int i = 1; i <= 10; i++) {
                    if (i == 3) {
                        atStep3.countDown();
                        gate.await(10, TimeUnit.SECONDS);
                    }
                    if (cancel.isCancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    progress.update(i * 100L, 1000L, "writing layer " + i);
                }
                Files.move(tmp, request.output());
                return new ConversionOutcome(List.of(request.output()), "Read back: 4 variables identical.");
            } finally {
                Files.deleteIfExists(tmp);
            }
        };
    }

    @Test
    void aFinishedConversionShowsTheVerificationAndOpensItsFolder() throws Exception {
        Path input = Files.writeString(dir.resolve("mlp.keras"), "");
        CountDownLatch gate = new CountDownLatch(0);
        List<Path> shown = new ArrayList<>();
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null, steppingConverter(new CountDownLatch(1), gate), shown::add));
        Fx.run(() -> vm.convert(ConversionTarget.H5));
        Fx.waitUntil(() -> !vm.successTextProperty().get().isEmpty(), 5000, "success");
        assertEquals("Converted to mlp.h5. Read back: 4 variables identical.", vm.successTextProperty().get());
        assertTrue(Files.exists(dir.resolve("mlp.h5")));
        Fx.run(vm::showInFolder);
        assertEquals(List.of(dir.toAbsolutePath()), shown);
    }

    @Test
    void aSecondConversionReportsOnlyItsOwnEnd() throws Exception {
        Path input = Files.writeString(dir.resolve("mlp.keras"), "");
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null,
                steppingConverter(new CountDownLatch(1), new CountDownLatch(0)), p -> { }));
        Fx.run(() -> vm.convert(ConversionTarget.H5));
        Fx.waitUntil(() -> !vm.successTextProperty().get().isEmpty(), 5000, "first success");
        Fx.run(() -> vm.convert(ConversionTarget.H5));
        Fx.waitUntil(() -> vm.successTextProperty().get().startsWith("Converted to mlp-converted.h5"), 5000, "second success");
        assertFalse(vm.cancelledProperty().get(), "the first, finished run is not reported as cancelled");
        assertEquals("", vm.failureProperty().get());
    }

    @Test
    void progressReportsBytesAndPercent() throws Exception {
        Path input = Files.writeString(dir.resolve("mlp.keras"), "");
        CountDownLatch atStep3 = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null, steppingConverter(atStep3, gate), p -> { }));
        Fx.run(() -> vm.convert(ConversionTarget.H5));
        assertTrue(atStep3.await(5, TimeUnit.SECONDS));
        Fx.waitUntil(() -> vm.progressTextProperty().get().startsWith("200 B of 1000 B (20 %)"), 5000, "progress text");
        assertEquals(0.2, Fx.call(() -> vm.progressProperty().get()), 1e-9);
        assertTrue(vm.busyProperty().get());
        gate.countDown();
        Fx.waitUntil(() -> !vm.busyProperty().get(), 5000, "done");
    }

    @Test
    void cancelStopsTheConverterAndLeavesNoFile() throws Exception {
        Path input = Files.writeString(dir.resolve("mlp.keras"), "");
        CountDownLatch atStep3 = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null, steppingConverter(atStep3, gate), p -> { }));
        Fx.run(() -> vm.convert(ConversionTarget.H5));
        assertTrue(atStep3.await(5, TimeUnit.SECONDS));
        Fx.run(vm::cancel);
        gate.countDown();
        Fx.waitUntil(() -> !vm.busyProperty().get(), 5000, "converter returned");
        assertTrue(vm.cancelledProperty().get());
        assertEquals("", vm.successTextProperty().get());
        assertEquals("", vm.failureProperty().get());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(input), files.toList());
        }
    }

    @Test
    void aFailedConversionBecomesAReadableMessage() throws Exception {
        Path input = Files.writeString(dir.resolve("vae.keras"), "");
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null, (r, p, c) -> {
            throw new java.io.IOException("No space left on device");
        }, p -> { }));
        Fx.run(() -> vm.convert(ConversionTarget.JSON));
        Fx.waitUntil(() -> !vm.failureProperty().get().isEmpty(), 5000, "failure");
        assertEquals("Converting vae.keras failed: No space left on device Nothing was written.", vm.failureProperty().get());
        assertFalse(vm.cancelledProperty().get());
    }
}
