package dev.kerasview.convert.upgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tf.keras op layers translated into Keras 3 layers, or refused. The configs are written in the forms tf.keras
 * wrote: TFOpLambda as in {@code tf_keras/layers/core/tf_op_layer.py} (config {@code function}) with its call
 * serialized by {@code tf_keras/engine/node.py} {@code Node.serialize} (first argument as the node, the rest as
 * kwargs by parameter name); TensorFlowOpLayer as tf.keras 2.2/2.3 wrote it ({@code node_def} + {@code constants},
 * see the corpus files dl4j/tfop_0.h5 and jdas/pretrained_model.h5). Expected layers follow from TensorFlow's
 * definition of each op; the converted fixture's predictions are checked against numpy in ConvertedOutputTruthTest
 * and TfOpPredictionTruthTest.
 */
class TfOpLayersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tf.keras 2.4 Functional config: input_1 [None, 2, 3] (dtype given), then the given layers. */
    private static JsonNode model(String inputDtype, String... layers) throws Exception {
        String input = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 2, 3],"
                + " \"dtype\": \"" + inputDtype + "\", \"sparse\": false, \"ragged\": false, \"name\": \"input_1\"},"
                + " \"name\": \"input_1\", \"inbound_nodes\": []}";
        String last = JSON.readTree(layers[layers.length - 1]).path("name").asText();
        return JSON.readTree("{\"class_name\": \"Functional\", \"config\": {\"name\": \"model\", \"layers\": ["
                + input + ", " + String.join(", ", layers) + "], \"input_layers\": [[\"input_1\", 0, 0]],"
                + " \"output_layers\": [[\"" + last + "\", 0, 0]]}}");
    }

    /** A TFOpLambda entry as tf.keras 2.4+ serialized it. */
    private static String lambda(String name, String function, String node) {
        return "{\"class_name\": \"TFOpLambda\", \"config\": {\"name\": \"" + name + "\", \"trainable\": true,"
                + " \"dtype\": \"float32\", \"function\": \"" + function + "\"}, \"name\": \"" + name + "\","
                + " \"inbound_nodes\": [" + node + "]}";
    }

    private static UpgradedConfig upgrade(JsonNode model) throws UpgradeRefusedException {
        return new ConfigUpgrader().upgrade(model, new SourceInfo("2.4.0", "tensorflow"));
    }

    /** The layer a single TFOpLambda 'op' on input_1 became. */
    private static JsonNode translated(String function, String node) throws Exception {
        return layer(upgrade(model("float32", lambda("op", function, node))), "op");
    }

    private static JsonNode layer(UpgradedConfig up, String name) {
        for (JsonNode l : up.config().path("config").path("layers")) {
            if (name.equals(l.path("name").asText())) {
                return l;
            }
        }
        throw new AssertionError("no layer " + name + " in " + up.config());
    }

    @ParameterizedTest(name = "{0} {1} -> Rescaling({2}, {3})")
    @CsvSource(delimiter = ';', value = {
            "__operators__.add; [\"input_1\", 0, 0, {\"y\": 1.0, \"name\": null}]; 1.0; 1.0",
            "math.add; [\"input_1\", 0, 0, {\"y\": 3}]; 1.0; 3.0",
            "math.subtract; [\"input_1\", 0, 0, {\"y\": 0.25, \"name\": null}]; 1.0; -0.25",
            "math.subtract; [\"_CONSTANT_VALUE\", -1, 1.0, {\"y\": [\"input_1\", 0, 0], \"name\": null}]; -1.0; 1.0",
            "math.multiply; [\"input_1\", 0, 0, {\"y\": 0.1, \"name\": null}]; 0.10000000149011612; -0.0",
            "math.truediv; [\"input_1\", 0, 0, {\"y\": 4.0, \"name\": null}]; 0.25; -0.0",
            "math.truediv; [\"input_1\", 0, 0, {\"y\": -0.5, \"name\": null}]; -2.0; -0.0"})
    void scalarArithmeticBecomesAnExactRescaling(String function, String node, double scale, double offset)
            throws Exception {
        JsonNode l = translated(function, node);
        assertEquals("Rescaling", l.path("class_name").asText());
        assertEquals(scale, l.path("config").path("scale").asDouble());
        // compare bits: -0.0 (not +0.0) keeps x * c's negative zeros
        assertEquals(Double.doubleToRawLongBits(offset),
                Double.doubleToRawLongBits(l.path("config").path("offset").asDouble()));
        assertEquals("input_1", l.path("inbound_nodes").get(0).get(0).get(0).asText());
    }

    @ParameterizedTest(name = "{0} of two tensors -> {1}")
    @CsvSource({"__operators__.add, Add", "math.add, Add", "math.subtract, Subtract", "math.multiply, Multiply"})
    void twoTensorArithmeticBecomesAMergeLayerInArgumentOrder(String function, String className) throws Exception {
        JsonNode l = layer(upgrade(model("float32",
                lambda("a", "nn.relu", "[\"input_1\", 0, 0, {\"name\": null}]"),
                lambda("op", function, "[\"input_1\", 0, 0, {\"y\": [\"a\", 0, 0], \"name\": null}]"))), "op");
        assertEquals(className, l.path("class_name").asText());
        JsonNode call = l.path("inbound_nodes").get(0);
        assertEquals("input_1", call.get(0).get(0).asText());
        assertEquals("a", call.get(1).get(0).asText());
    }

    @ParameterizedTest(name = "{0} -> Activation({1})")
    @CsvSource({"nn.relu, relu", "nn.relu6, relu6", "math.sigmoid, sigmoid", "nn.sigmoid, sigmoid",
            "math.tanh, tanh", "tanh, tanh"})
    void activationFunctionsBecomeActivationLayers(String function, String activation) throws Exception {
        JsonNode l = translated(function, "[\"input_1\", 0, 0, {\"name\": null}]");
        assertEquals("Activation", l.path("class_name").asText());
        assertEquals(activation, l.path("config").path("activation").asText());
    }

    @ParameterizedTest(name = "{0} {1} -> Reshape {2}")
    @CsvSource(delimiter = ';', value = {
            "reshape; {\"shape\": [-1, 6], \"name\": null}; [6]",
            "reshape; {\"shape\": [-1, 3, 2, 1]}; [3,2,1]",
            "expand_dims; {\"axis\": 1, \"name\": null}; [1,2,3]",
            "expand_dims; {\"axis\": -1, \"name\": null}; [2,3,1]",
            "compat.v1.expand_dims; {\"axis\": null, \"name\": null, \"dim\": 2}; [2,1,3]"})
    void shapeOpsBecomeReshapeWithoutTheBatchAxis(String function, String kwargs, String target) throws Exception {
        JsonNode l = translated(function, "[\"input_1\", 0, 0, " + kwargs + "]");
        assertEquals("Reshape", l.path("class_name").asText());
        assertJson(target, l.path("config").path("target_shape"));
    }

    @Test
    void squeezeOfAKnownUnitAxisBecomesReshape() throws Exception {
        JsonNode l = layer(upgrade(model("float32",
                lambda("e", "expand_dims", "[\"input_1\", 0, 0, {\"axis\": 2}]"),
                lambda("op", "squeeze", "[\"e\", 0, 0, {\"axis\": [-2], \"name\": null}]"))), "op");
        assertEquals("Reshape", l.path("class_name").asText());
        assertJson("[2, 3]", l.path("config").path("target_shape"));
    }

    @Test
    void concatOfATensorListBecomesConcatenate() throws Exception {
        JsonNode l = layer(upgrade(model("float32",
                lambda("a", "nn.relu", "[\"input_1\", 0, 0, {}]"),
                lambda("op", "concat", "[[\"input_1\", 0, 0, {\"axis\": -1, \"name\": null}],"
                        + " [\"a\", 0, 0, {\"axis\": -1, \"name\": null}]]"))), "op");
        assertEquals("Concatenate", l.path("class_name").asText());
        assertEquals(-1, l.path("config").path("axis").asInt());
        assertEquals(2, l.path("inbound_nodes").get(0).size());
    }

    @ParameterizedTest(name = "refused: {0} {1}")
    @CsvSource(delimiter = ';', value = {
            "math.truediv; [\"input_1\", 0, 0, {\"y\": 3.0, \"name\": null}]; power of two",
            "math.truediv; [\"_CONSTANT_VALUE\", -1, 1.0, {\"y\": [\"input_1\", 0, 0]}]; divides a number by a tensor",
            "math.truediv; [\"input_1\", 0, 0, {\"y\": [\"input_1\", 0, 0]}]; divides one tensor by another",
            "math.multiply; [\"input_1\", 0, 0, {\"y\": [1.0, 2.0, 3.0]}]; not a single number",
            "reshape; [\"input_1\", 0, 0, {\"shape\": [2, -1]}]; batch size could change",
            "reshape; [\"input_1\", 0, 0, {\"shape\": [-1, 3]}]; not the batch axis",
            "expand_dims; [\"input_1\", 0, 0, {\"axis\": 0}]; batch axis",
            "squeeze; [\"input_1\", 0, 0, {\"name\": null}]; every axis of size 1",
            "squeeze; [\"input_1\", 0, 0, {\"axis\": [1]}]; known size 1",
            "concat; [[\"input_1\", 0, 0, {\"axis\": 0}], [\"input_1\", 0, 0, {\"axis\": 0}]]; batch axis",
            "linalg.matmul; [\"input_1\", 0, 0, {\"b\": [\"input_1\", 0, 0]}]; translates only",
            "nn.relu; [\"input_1\", 0, 0, {\"alpha\": 0.2}]; argument 'alpha'"})
    void inexactOrUnknownOpsAreRefusedNamingTheOpAndWhy(String function, String node, String why) throws Exception {
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> upgrade(model("float32", lambda("op", function, node))));
        assertEquals(Reason.TF_OP_LAYER, e.reason());
        assertEquals(List.of("op"), e.names());
        assertTrue(e.getMessage().contains("TFOpLambda calling TensorFlow's " + function), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void arithmeticOnIntegerTensorsIsRefused() {
        // Keras's Rescaling casts to float32; TensorFlow adds integers as integers
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class, () -> upgrade(model("int32",
                lambda("op", "__operators__.add", "[\"input_1\", 0, 0, {\"y\": 1, \"name\": null}]"))));
        assertTrue(e.getMessage().contains("dtype int32"), e.getMessage());
    }

    @Test
    void slicingIsStillRefusedAsATensorFlowOp() throws Exception {
        String slice = "{\"class_name\": \"SlicingOpLambda\", \"config\": {\"name\": \"op\", \"trainable\": true,"
                + " \"dtype\": \"float32\", \"function\": \"__operators__.getitem\"}, \"name\": \"op\","
                + " \"inbound_nodes\": [[\"input_1\", 0, 0, {\"slice_spec\": {\"start\": 0, \"stop\": 1, \"step\": null}}]]}";
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class,
                () -> upgrade(model("float32", slice)));
        assertEquals(Reason.TF_OP_LAYER, e.reason());
        assertTrue(e.getMessage().contains("SlicingOpLambda"), e.getMessage());
    }

    @Test
    void graphOpWithANonFloatTypeIsRefused() throws Exception {
        String op = "{\"class_name\": \"TensorFlowOpLayer\", \"config\": {\"name\": \"Add\", \"trainable\": true,"
                + " \"dtype\": \"float32\", \"node_def\": {\"name\": \"Add\", \"op\": \"AddV2\", \"input\": [\"input_1\","
                + " \"Add/y\"], \"attr\": {\"T\": {\"type\": \"DT_DOUBLE\"}}}, \"constants\": {\"1\": 1.0}},"
                + " \"name\": \"tf_op_layer_Add\", \"inbound_nodes\": [[[\"input_1\", 0, 0, {}]]]}";
        UpgradeRefusedException e = assertThrows(UpgradeRefusedException.class, () -> upgrade(model("float32", op)));
        assertEquals(List.of("tf_op_layer_Add"), e.names());
        assertTrue(e.getMessage().contains("DT_DOUBLE"), e.getMessage());
    }

    @Test
    void tfKeras22ReshapeKeepsTheLayerNameAndDropsTheBatchAxis() throws Exception {
        // dl4j/tfop_0.h5 (tf.keras 2.2.4): Reshape with constant shape [-1, 6] on a [None, 2, 3] input
        UpgradedConfig up = UpgradeTestSupport.upgrade(Corpus.file("dl4j/tfop_0.h5"));
        JsonNode l = layer(up, "tf_op_layer_Reshape");
        assertEquals("Reshape", l.path("class_name").asText());
        assertJson("[6]", l.path("config").path("target_shape"));
        assertEquals("tf_op_layer_Reshape", layer(up, "dense").path("inbound_nodes").get(0).get(0).get(0).asText());
    }

    @Test
    void tfKeras23OpsOfTheUNetBecomeMultiplyRescalingAndAConstantKernelConv2D() throws Exception {
        // jdas/pretrained_model.h5 (tf.keras 2.3.0): Mul x2, Sub(1.0, x), Conv2D x4 with constant filters
        UpgradedConfig up = UpgradeTestSupport.upgrade(Corpus.file("jdas/pretrained_model.h5"));
        assertEquals("Multiply", layer(up, "tf_op_layer_Mul_2").path("class_name").asText());
        assertEquals("Multiply", layer(up, "tf_op_layer_Mul_3").path("class_name").asText());
        JsonNode sub = layer(up, "tf_op_layer_Sub_1").path("config");
        assertEquals(-1.0, sub.path("scale").asDouble());
        assertEquals(1.0, sub.path("offset").asDouble());
        JsonNode conv = layer(up, "tf_op_layer_Conv2D_21");
        assertEquals("Conv2D", conv.path("class_name").asText());
        JsonNode c = conv.path("config");
        assertJson("[1, 4]", c.path("kernel_size"));
        assertJson("[1, 4]", c.path("strides"));
        assertEquals("same", c.path("padding").asText());
        assertEquals(4, c.path("filters").asInt());
        assertFalse(c.path("use_bias").asBoolean());
        assertFalse(c.path("trainable").asBoolean());
        WeightPart kernel = up.recipes().get("tf_op_layer_Conv2D_21").weights().get(0);
        assertEquals(List.of(1L, 4L, 4L, 4L), kernel.constant().shape());
        float[] values = new float[64];
        ByteBuffer.wrap(kernel.constant().bytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        // the file's filter: rows of 0.125, 0.375, 0.375, 0.125 along the width
        assertEquals(0.125f, values[0]);
        assertEquals(0.375f, values[16]);
        assertEquals(0.375f, values[32]);
        assertEquals(0.125f, values[63]);
        assertArrayEquals(new long[] {1, 4, 8, 8}, up.recipes().get("tf_op_layer_Conv2D_23").weights().get(0)
                .constant().shape().stream().mapToLong(Long::longValue).toArray());
    }

    /** JSON equality regardless of the integer node types (int or long) Jackson picked. */
    private static void assertJson(String expected, JsonNode actual) throws Exception {
        assertEquals(JSON.readTree(expected).toString(), actual.toString());
    }

    @Test
    void powersOfTwoAreTheOnlyExactDivisors() {
        assertTrue(ElementwiseOps.powerOfTwo(4f));
        assertTrue(ElementwiseOps.powerOfTwo(-0.125f));
        assertFalse(ElementwiseOps.powerOfTwo(3f));
        assertFalse(ElementwiseOps.powerOfTwo(0.1f));
        assertFalse(ElementwiseOps.powerOfTwo(0f));
        assertFalse(ElementwiseOps.powerOfTwo(Float.MIN_VALUE)); // its inverse overflows
    }
}
