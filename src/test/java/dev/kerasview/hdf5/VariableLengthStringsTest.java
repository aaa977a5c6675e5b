package dev.kerasview.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cached string reader gives exactly what jhdf's own attribute reading gives, on Keras-written files. */
class VariableLengthStringsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void everyVariableLengthStringAttributeOfTheFixturesReadsAsJhdfReadsIt() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".h5")).sorted().toList();
        }
        assertTrue(files.size() > 20, "fixtures found: " + files.size());
        int[] counts = new int[2];
        for (Path f : files) {
            try (HdfFile h = new HdfFile(f)) {
                compare(h, new VariableLengthStrings(new StructureBytes(h.getHdfBackingStorage())), f, counts);
            }
        }
        // Keras 3 names every vars group with one; legacy files hold lists of them (layer_names)
        assertTrue(counts[0] > 100, "variable-length string attributes compared: " + counts[0]);
        assertTrue(counts[1] > 10, "lists of them compared: " + counts[1]);
    }

    private static void compare(Node n, VariableLengthStrings strings, Path file, int[] counts) {
        for (Map.Entry<String, Attribute> e : n.getAttributes().entrySet()) {
            Attribute a = e.getValue();
            if (a.isEmpty()) {
                continue;
            }
            Optional<Object> ours = strings.read(a);
            if (ours.isPresent()) {
                counts[0]++;
                counts[1] += ours.get() instanceof String[] ? 1 : 0;
                assertEquals(AttributeValues.read(a), AttributeValues.of(ours.get()),
                        file + " " + n.getPath() + " @" + e.getKey());
            }
        }
        if (n instanceof Group g) {
            Map<String, Node> children;
            try {
                children = g.getChildren();
            } catch (RuntimeException jhdfCannotList) {
                // bfloat16 datasets: H5TreeReader reads these groups with its own fallback
                return;
            }
            for (Node c : children.values()) {
                if (!c.isLink()) {
                    compare(c, strings, file, counts);
                }
            }
        }
    }
}
