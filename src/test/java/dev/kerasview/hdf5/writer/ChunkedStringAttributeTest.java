package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkedStringAttributeTest {

    @TempDir
    Path dir;

    @Test
    void aListThatFitsIsOneAttributeUnderItsOwnName() {
        Map<String, AttributeValue> set = new LinkedHashMap<>();
        List<String> names = ChunkedStringAttribute.write(set::put, "layer_names", List.of("a", "b"), StringEncoding.VLEN_ASCII);
        assertEquals(List.of("layer_names"), names);
        assertEquals(List.of("a", "b"), ((AttributeValue.StringArray) set.get("layer_names")).values());
    }

    @Test
    void tenThousandLayerNamesAreSplitLikeNumpyArraySplitAndKerasJoinsThemBack() throws IOException {
        List<String> layerNames = IntStream.range(0, 10_000).mapToObj(i -> "dense_" + i).toList();
        List<String> used = new ArrayList<>();
        Path file = TestFiles.write(dir.resolve("chunked.h5"), root -> {
            GroupWriter weights = root.group("model_weights");
            used.addAll(ChunkedStringAttribute.write(weights::attribute, "layer_names", layerNames, StringEncoding.VLEN_ASCII));
        });
        assertEquals(List.of("layer_names0", "layer_names1", "layer_names2"), used);

        JsonNode joined = ReferenceReaders.python("import h5py, json, sys\n" + ReferenceReaders.KERAS_LOAD_ATTRIBUTES + """
                with h5py.File(sys.argv[1], "r") as f:
                    g = f["model_weights"]
                    print(json.dumps({"names": load_attributes_from_hdf5_group(g, "layer_names"),
                                      "sizes": [len(g.attrs[f"layer_names{i}"]) for i in range(3)]}))
                """, file.toString());
        assertEquals("[3334,3333,3333]", joined.get("sizes").toString());
        List<String> read = new ArrayList<>();
        joined.get("names").forEach(n -> read.add(n.asText()));
        assertEquals(layerNames, read);
    }

    @Test
    void aSingleStringTooLongForAFixedLengthAttributeIsRefused() {
        Map<String, AttributeValue> set = new LinkedHashMap<>();
        assertThrows(IllegalArgumentException.class, () -> ChunkedStringAttribute.write(set::put, "weight_names",
                List.of("short", "x".repeat(70_000)), StringEncoding.FIXED_ASCII));
        assertEquals(0, set.size());
    }
}
