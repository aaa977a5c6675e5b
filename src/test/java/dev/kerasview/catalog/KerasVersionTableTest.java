package dev.kerasview.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The version table against what the Keras versions themselves wrote and loaded. */
class KerasVersionTableTest {

    private static final Path COMPAT = Path.of("src/test/resources/compat");
    private static final Map<String, ObjectKind> KIND_OF_CLASS = Map.of(
            "GlorotUniform", ObjectKind.INITIALIZER, "Orthogonal", ObjectKind.INITIALIZER,
            "OrthogonalInitializer", ObjectKind.INITIALIZER, "DTypePolicy", ObjectKind.POLICY);

    private final KerasVersionTable table = new KerasVersionTable();

    @Test
    void theTableModelsExactlyTheVersionsOfTheMatrixOldestFirst() throws IOException {
        String[] header = Files.readAllLines(COMPAT.resolve("MATRIX.tsv")).get(0).split("\t");
        List<String> matrix = new ArrayList<>();
        for (int c = 3; c < header.length; c++) {
            matrix.add(header[c].substring("keras_".length()));
        }
        assertEquals(matrix, table.releases().stream().map(r -> r.version().toString()).toList());
        assertEquals(matrix.get(matrix.size() - 1), table.newest().version().toString());
    }

    @Test
    void aMinorVersionMeansItsModelledReleaseAndAnUnmodelledOneNothing() {
        assertEquals("3.12.0", table.resolve("3.12").orElseThrow().version().toString());
        assertEquals("3.13.2", table.resolve("3.13.2").orElseThrow().version().toString());
        assertEquals(table.newest(), table.resolve("3").orElseThrow());
        assertTrue(table.resolve("3.13.1").isEmpty());
        assertTrue(table.resolve("2.15").isEmpty());
        assertTrue(table.resolve("latest").isEmpty());
    }

    /** CONFIG_KEYS.tsv: every key a Keras version writes into a config, that version accepts. */
    @Test
    void everyVersionAcceptsTheConfigKeysItWritesItself() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(COMPAT.resolve("CONFIG_KEYS.tsv"))) {
            String[] cols = line.split("\t");
            if (cols[0].equals("class_name")) {
                continue;
            }
            ObjectKind kind = KIND_OF_CLASS.getOrDefault(cols[0], ObjectKind.LAYER);
            for (String saver : cols[3].split(",")) {
                KerasRelease r = table.resolve(saver).orElseThrow();
                var accepted = r.accepted(kind, cols[0]);
                assertNotNull(accepted, saver + " resolves " + cols[0]);
                assertTrue(accepted.contains(cols[1]) || accepted.contains(LayerArgumentTable.ANY_KEYWORD),
                        "Keras " + saver + " writes " + cols[0] + "." + cols[1] + ", so it accepts it");
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    /** CONFIG_KEYS.tsv: a key first written by version S is unknown to the versions before S
     * whose loads failed on it (MATRIX_CAUSES names the class and key). */
    @Test
    void versionsBeforeAKeysFirstWriterThatFailedOnItDoNotAcceptIt() throws IOException {
        List<String> causes = Files.readAllLines(COMPAT.resolve("MATRIX_CAUSES.tsv"));
        String[] header = causes.get(0).split("\t");
        int checked = 0;
        for (String line : Files.readAllLines(COMPAT.resolve("CONFIG_KEYS.tsv"))) {
            String[] cols = line.split("\t");
            if (cols[0].equals("class_name")) {
                continue;
            }
            String rejected = "passed to " + cols[0] + ": {'" + cols[1] + "'";
            String unexpected = cols[0] + ".__init__() got an unexpected keyword argument '" + cols[1] + "'";
            for (String row : causes.subList(1, causes.size())) {
                String[] cells = row.split("\t", -1);
                for (int c = 3; c < cells.length; c++) {
                    if (cells[c].contains(rejected) || cells[c].contains(unexpected)) {
                        String version = header[c].substring("keras_".length());
                        var accepted = table.resolve(version).orElseThrow()
                                .accepted(KIND_OF_CLASS.getOrDefault(cols[0], ObjectKind.LAYER), cols[0]);
                        assertTrue(accepted == null || !accepted.contains(cols[1]),
                                "Keras " + version + " failed on " + cols[0] + "." + cols[1]);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0);
    }
}
