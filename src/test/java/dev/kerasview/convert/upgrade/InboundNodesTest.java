package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras 2 inbound-node lists: kept (Keras 3 reads them), except tensors passed as keyword arguments. */
class InboundNodesTest {

    @Test
    void keras2NodeListsAreKeptForKeras3ToRead() throws Exception {
        Path file = Corpus.file("dl4j/keras-attention.h5");
        JsonNode attention = UpgradeTestSupport.upgrade(file).config().path("config").path("layers").get(2);
        assertEquals("[[[\"dense\",0,0,{}],[\"dense\",0,0,{}]]]", attention.path("inbound_nodes").toString());
        assertTrue(OracleTruth.read(UpgradeTestSupport.stem(file)).loaded());
    }

    @Test
    void aTensorPassedAsKeywordArgumentIsRefused() throws Exception {
        // tf.keras 2.x serialised mha(q, value=v) with the keyword tensor as a [layer, node, tensor] triple
        JsonNode config = KerasJson.parse("{\"class_name\": \"Functional\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 4, 8], \"dtype\": \"float32\","
                + " \"sparse\": false, \"ragged\": false, \"name\": \"q\"}, \"name\": \"q\", \"inbound_nodes\": []},"
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 4, 8], \"dtype\": \"float32\","
                + " \"sparse\": false, \"ragged\": false, \"name\": \"v\"}, \"name\": \"v\", \"inbound_nodes\": []},"
                + "{\"class_name\": \"MultiHeadAttention\", \"config\": {\"name\": \"mha\", \"trainable\": true,"
                + " \"dtype\": \"float32\", \"num_heads\": 2, \"key_dim\": 4}, \"name\": \"mha\","
                + " \"inbound_nodes\": [[[\"q\", 0, 0, {\"value\": [\"v\", 0, 0]}]]]}],"
                + " \"input_layers\": [[\"q\", 0, 0], [\"v\", 0, 0]], \"output_layers\": [[\"mha\", 0, 0]]}}");
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> new ConfigUpgrader().upgrade(config, new SourceInfo("2.11.0", "tensorflow")));
        assertEquals(Reason.INEXACT, e.reason());
        assertEquals(List.of("mha"), e.names());
    }
}
