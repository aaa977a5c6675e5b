package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.KerasVersion;
import dev.kerasview.catalog.KerasVersionTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-line summary of a compatibility check, against the versions MATRIX.tsv records. */
class CompatibilitySummaryTest {

    private static final Path COMPAT = Path.of("src/test/resources/compat");

    @Test
    void everySavedByFileIsSummarisedAsTheMatrixRecordsIt() throws IOException {
        List<String> lines = Files.readAllLines(COMPAT.resolve("MATRIX.tsv"));
        String[] header = lines.get(0).split("\t");
        CompatibilityChecker checker = new CompatibilityChecker(new KerasVersionTable());
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", -1);
            if (!cols[0].equals("saved-by") || !cols[1].endsWith(".keras")) {
                continue;
            }
            List<Boolean> loads = new ArrayList<>();
            for (int c = 3; c < cols.length; c++) {
                loads.add(cols[c].equals("OK"));
            }
            Optional<KerasVersion> newestFailing = Optional.empty();
            if (loads.get(loads.size() - 1)) {
                for (int c = 3; c < cols.length; c++) {
                    if (!loads.get(c - 3)) {
                        newestFailing = KerasVersion.parse(header[c].substring("keras_".length()));
                    }
                }
            }
            CompatibilitySummary s = CompatibilitySummary.of(checker.check(
                    COMPAT.resolve("saved-by").resolve(cols[1]), null, Duration.ofSeconds(30)));
            assertEquals(!loads.contains(false), s.everyVersion(), cols[1] + ": " + s.line());
            assertEquals(loads.contains(true), s.anyVersion(), cols[1] + ": " + s.line());
            assertEquals(newestFailing, s.convertTarget(), cols[1] + ": " + s.line());
            String newest = CompatibilitySummary.minor(KerasVersion.parse(
                    header[header.length - 1].substring("keras_".length())).orElseThrow());
            assertTrue(s.line().startsWith((loads.get(loads.size() - 1) ? "Loads" : "Fails") + " in Keras "),
                    s.line());
            assertTrue(s.line().contains(newest), "names the newest version: " + s.line());
            checked++;
        }
        assertTrue(checked >= 50, "checked " + checked);
    }
}
