package dev.kerasview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final StringWriter text = new StringWriter();
    private final long[] now = {0};
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(text), () -> now[0]);

    @Test
    void rewritesOneLineAtMostTenTimesASecondWithThePercentage() {
        progress.update(0, 200, "writing dense/kernel");
        now[0] += 50_000_000L;
        progress.update(50, 200, "writing dense/bias");
        now[0] += 60_000_000L;
        progress.update(100, 200, "verifying dense/kernel");
        String[] lines = text.toString().split("\r", -1);
        assertEquals(3, lines.length, text.toString());
        assertEquals("  0% writing dense/kernel", lines[1].stripTrailing());
        assertEquals(" 50% verifying dense/kernel", lines[2].stripTrailing());
        assertTrue(lines[2].length() == 79, "padded over what was there");
    }

    @Test
    void finishClearsTheLineAndLongItemsAreCut() {
        progress.update(1, 2, "writing " + "very_long_layer_name/".repeat(10) + "kernel");
        String shown = text.toString();
        assertTrue(shown.endsWith("…"), shown);
        progress.finish();
        assertTrue(text.toString().endsWith("\r" + " ".repeat(79) + "\r"));
    }
}
