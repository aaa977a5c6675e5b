package dev.kerasview.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectGraphTest {

    private static final String DENSE = "{\"module\": \"keras.layers\", \"class_name\": \"Dense\","
            + " \"config\": {\"name\": \"NAME\", \"units\": 2, \"trainable\": true}, "
            + "\"registered_name\": null, \"build_config\": {\"input_shape\": [null, 3]}}";
    private static final String INPUT = "{\"module\": \"keras.layers\", \"class_name\": "
            + "\"InputLayer\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 3]}, "
            + "\"registered_name\": null}";
    private static final String RELU = "{\"module\": \"keras.src.ops.nn\", \"class_name\": "
            + "\"Relu\", \"config\": {\"name\": \"relu\"}, \"registered_name\": \"Relu\"}";

    private static Saveable build(String json) throws Exception {
        return new ObjectGraph(new LayerCatalog()).model(new Envelope(KerasJson.parse(json)),
                null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> layers(Saveable model) {
        return (List<Object>) model.attributes().stream().filter(a -> a.name().equals("layers"))
                .findFirst().orElseThrow().value();
    }

    @Test
    void functionalKeepsInputLayersAndDropsOperations() throws Exception {
        String json = "{\"module\": \"keras.src.models.functional\", \"class_name\": "
                + "\"Functional\", \"registered_name\": \"Functional\", \"config\": {\"name\": "
                + "\"f\", \"layers\": [" + INPUT + ", " + DENSE.replace("NAME", "d") + ", " + RELU
                + "], \"input_layers\": [\"in\", 0, 0], \"output_layers\": [\"d\", 0, 0]}}";
        Saveable f = build(json);
        assertEquals(Saveable.Type.FUNCTIONAL, f.type());
        assertEquals(List.of("in", "d"), layers(f).stream().map(o -> ((Saveable) o).name())
                .toList());
        LoadWalk.Result r = LoadWalk.run(f, TestTrees.of("layers/dense", TestTrees.dense(3, 2)));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
    }

    @Test
    void sequentialDropsItsInputLayer() throws Exception {
        String json = "{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"s\", \"layers\": ["
                + INPUT + ", " + DENSE.replace("NAME", "a") + ", " + DENSE.replace("NAME", "b")
                + "]}}";
        Saveable s = build(json);
        assertEquals(List.of("a", "b"), layers(s).stream().map(o -> ((Saveable) o).name())
                .toList());
        LoadWalk.Result r = LoadWalk.run(s, TestTrees.of("layers/dense", TestTrees.dense(3, 2),
                "layers/dense_1", TestTrees.dense(3, 2)));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
    }

    @Test
    void aLayerReferencedFromTwoPlacesIsRebuiltTwiceUnlessTheSharedIdRepeats() throws Exception {
        String inner = "{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"enc\", \"layers\": ["
                + INPUT + ", " + DENSE.replace("NAME", "z") + "]}}";
        String twice = "{\"module\": \"my\", \"class_name\": \"VAE\", \"registered_name\": "
                + "\"vae>VAE\", \"compile_config\": {}, \"config\": {\"name\": \"vae\", "
                + "\"encoder\": " + inner + ", \"z_layer\": " + DENSE.replace("NAME", "z") + "}}";
        Saveable vae = build(twice);
        Saveable encoder = (Saveable) vae.attributes().get(0).value();
        Saveable inEncoder = (Saveable) layers(encoder).get(0);
        Saveable copy = (Saveable) vae.attributes().get(1).value();
        assertNotSame(inEncoder, copy);
        LoadWalk.Result r = LoadWalk.run(vae, TestTrees.of("encoder/layers/dense",
                TestTrees.dense(3, 2)));
        assertEquals(List.of("z"), r.failures().stream().map(f -> f.object().name()).toList());

        String sharedId = "{\"module\": \"my\", \"class_name\": \"Pair\", \"registered_name\": "
                + "\"p>Pair\", \"config\": {\"name\": \"p\", \"a\": "
                + DENSE.replace("NAME", "z").replace("{\"module\"",
                "{\"shared_object_id\": 7, \"module\"") + ", \"b\": "
                + DENSE.replace("NAME", "z").replace("{\"module\"",
                "{\"shared_object_id\": 7, \"module\"") + "}}";
        Saveable pair = build(sharedId);
        assertSame(pair.attributes().get(0).value(), pair.attributes().get(1).value());
    }

    @Test
    void compositeBuiltInsOwnTheirSubLayersAtAttributePaths() throws Exception {
        String lstm = "{\"module\": \"keras.layers\", \"class_name\": \"LSTM\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"l\", \"units\": 4}, "
                + "\"build_config\": {\"input_shape\": [null, 5, 3]}}";
        String json = "{\"module\": \"keras\", \"class_name\": \"Sequential\", "
                + "\"registered_name\": null, \"config\": {\"name\": \"s\", \"layers\": ["
                + lstm + "]}}";
        Saveable s = build(json);
        LoadWalk.Result ok = LoadWalk.run(s, TestTrees.of("layers/lstm/cell",
                List.of(List.of(3L, 16L), List.of(4L, 16L), List.of(16L))));
        assertTrue(ok.failures().isEmpty(), ok.failures().toString());
        LoadWalk.Result bad = LoadWalk.run(build(json), TestTrees.of("layers/lstm/cell", 2));
        assertEquals("lstm_cell", bad.failures().get(0).object().name());
    }
}
