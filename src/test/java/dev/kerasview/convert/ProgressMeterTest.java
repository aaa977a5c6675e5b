package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    @Test
    void reportsEachItemAndThenAboutEveryMegabyteWithThePhaseInTheLabel() throws Exception {
        List<String> reports = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter((done, total, item) -> reports.add(done + "/" + total + " " + item),
                CancellationToken.NEVER, 10L << 20);
        meter.begin("dense/kernel");
        for (int i = 0; i < 8; i++) {
            meter.advance(256 << 10, "dense/kernel");
        }
        meter.phase("verifying");
        meter.begin("dense/kernel");
        assertEquals(List.of("0/10485760 writing dense/kernel", "1048576/10485760 writing dense/kernel",
                "2097152/10485760 writing dense/kernel", "2097152/10485760 verifying dense/kernel"), reports);
        assertEquals(2L << 20, meter.done());
    }

    @Test
    void aCancelIsSeenAtTheNextStep() throws Exception {
        boolean[] cancelled = {false};
        ProgressMeter meter = new ProgressMeter(ConversionProgress.NONE, () -> cancelled[0], 100);
        meter.advance(10, "x");
        cancelled[0] = true;
        assertThrows(ProgressMeter.Cancelled.class, () -> meter.advance(10, "x"));
        assertThrows(ProgressMeter.Cancelled.class, () -> meter.begin("y"));
    }
}
