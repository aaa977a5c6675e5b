package dev.kerasview.hdf5.writer;

import static dev.kerasview.hdf5.writer.TestFiles.floats;
import static dev.kerasview.hdf5.writer.TestFiles.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file in Keras's legacy .h5 layout, read back the way Keras 3's legacy loader reads it. */
class Hdf5WriterKerasLegacyLayoutTest {

    /** The reading steps of keras/src/legacy/saving/legacy_h5_format.py, with h5py. */
    private static final String KERAS_LEGACY_LOADER = """
            import h5py, json, sys
            import numpy as np

            """ + ReferenceReaders.KERAS_LOAD_ATTRIBUTES + """

            with h5py.File(sys.argv[1], "r") as f:
                model_config = f.attrs.get("model_config")
                if hasattr(model_config, "decode"):
                    model_config = model_config.decode("utf-8")
                config = json.loads(model_config)
                weights = f["model_weights"]
                version = weights.attrs["keras_version"]
                backend = weights.attrs["backend"]
                layers = []
                for name in load_attributes_from_hdf5_group(weights, "layer_names"):
                    g = weights[name]
                    names = load_attributes_from_hdf5_group(g, "weight_names")
                    values = [np.asarray(g[n]) for n in names]
                    layers.append({"name": name, "weight_names": names,
                                   "weights": [{"dtype": str(v.dtype), "shape": list(v.shape),
                                                "values": v.ravel().tolist()} for v in values]})
                print(json.dumps({"config_type": type(model_config).__name__, "class_name": config["class_name"],
                                  "layer_count": len(config["config"]["layers"]),
                                  "keras_version": version.decode() if hasattr(version, "decode") else version,
                                  "backend": backend.decode() if hasattr(backend, "decode") else backend,
                                  "layers": layers}))
            """;

    @TempDir
    Path dir;

    @Test
    void kerasLegacyLoaderFindsConfigLayerNamesWeightNamesAndWeights() throws IOException {
        StringBuilder config = new StringBuilder("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"seq\", \"layers\": [");
        for (int i = 0; i < 1500; i++) {
            config.append(i == 0 ? "" : ", ").append("{\"class_name\": \"Dense\", \"config\": {\"name\": \"d").append(i)
                    .append("\", \"units\": 3, \"activation\": \"linear\", \"use_bias\": true}}");
        }
        String modelConfig = config.append("]}}").toString(); // about 140 KB: beyond any object header message
        Path file = TestFiles.write(dir.resolve("legacy.h5"), root -> {
            root.attribute("backend", AttributeValue.string("tensorflow", StringEncoding.VLEN_UTF8));
            root.attribute("keras_version", AttributeValue.string("3.15.1", StringEncoding.VLEN_UTF8));
            root.attribute("model_config", AttributeValue.string(modelConfig, StringEncoding.VLEN_ASCII));
            GroupWriter weights = root.group("model_weights");
            weights.attribute("backend", AttributeValue.string("tensorflow", StringEncoding.VLEN_ASCII));
            weights.attribute("keras_version", AttributeValue.string("3.15.1", StringEncoding.VLEN_ASCII));
            weights.attribute("layer_names", AttributeValue.strings(List.of("d1", "dropout", "d2"), StringEncoding.VLEN_ASCII));
            GroupWriter d1 = weights.group("d1");
            d1.attribute("weight_names", AttributeValue.strings(List.of("d1/kernel", "d1/bias"), StringEncoding.VLEN_ASCII));
            d1.group("d1").dataset("kernel", "float32", new long[] {2, 3}, source(floats(1, 2, 3, 4, 5, 6)));
            d1.group("d1").dataset("bias", "float32", new long[] {3}, source(floats(0.5f, -0.5f, 0)));
            weights.group("dropout").attribute("weight_names", AttributeValue.emptyFloat64Array());
            GroupWriter d2 = weights.group("d2");
            d2.attribute("weight_names", AttributeValue.strings(List.of("d2/kernel:0"), StringEncoding.FIXED_ASCII));
            d2.groupPath("d2").dataset("kernel:0", "float16", new long[] {1, 1}, source(TestFiles.integers(2, 0x3C00)));
        });

        JsonNode loaded = ReferenceReaders.python(KERAS_LEGACY_LOADER, file.toString());
        assertEquals("str", loaded.get("config_type").asText());
        assertEquals("Sequential", loaded.get("class_name").asText());
        assertEquals(1500, loaded.get("layer_count").asInt());
        assertEquals("3.15.1", loaded.get("keras_version").asText());
        assertEquals("tensorflow", loaded.get("backend").asText());
        JsonNode layers = loaded.get("layers");
        assertEquals(3, layers.size());
        assertEquals("[\"d1/kernel\",\"d1/bias\"]", layers.get(0).get("weight_names").toString());
        assertEquals("float32", layers.get(0).get("weights").get(0).get("dtype").asText());
        assertEquals("[2,3]", layers.get(0).get("weights").get(0).get("shape").toString());
        assertEquals("[1.0,2.0,3.0,4.0,5.0,6.0]", layers.get(0).get("weights").get(0).get("values").toString());
        assertEquals("[0.5,-0.5,0.0]", layers.get(0).get("weights").get(1).get("values").toString());
        assertEquals("[]", layers.get(1).get("weight_names").toString());
        assertEquals("[\"d2/kernel:0\"]", layers.get(2).get("weight_names").toString());
        assertEquals("float16", layers.get(2).get("weights").get(0).get("dtype").asText());
        assertEquals("[1.0]", layers.get(2).get("weights").get(0).get("values").toString());

        ReferenceReaders.h5dumpOk(file);
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(modelConfig, hdf.getAttribute("model_config").getData());
            assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                    JhdfValues.asText(hdf.getDatasetByPath("/model_weights/d1/d1/kernel").getData()));
        }
    }
}
