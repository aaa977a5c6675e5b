package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A graph {@code Conv2D} op whose filter is a constant of the config (tf.keras 2.0-2.3 recorded
 * {@code tf.nn.conv2d(x, constant)} so): a Conv2D layer without bias and activation, whose kernel is that
 * constant. Keras's Conv2D calls the same convolution ({@code tf.nn.convolution}, HWIO kernel, NHWC input) with
 * the same strides, dilations and padding; nothing is added after it. The layer is not trainable, as the constant
 * was not.
 */
final class ConstantConvolution {

    private ConstantConvolution() {
    }

    static TfOpTranslation translate(TfOpCall call, TensorFacts facts) throws UpgradeRefusedException {
        if (!(call.arg(0) instanceof TfOpCall.Tensor x)) {
            throw call.refuse("its input is not a tensor of the model");
        }
        if (!(call.arg(1) instanceof TfOpCall.Constant c)) {
            throw call.refuse("its filter is computed by the model, not a constant, so no layer weight can hold it");
        }
        ConstantTensor filter = ConstantTensor.float32(c.value());
        if (filter == null || filter.shape().size() != 4) {
            throw call.refuse("its filter is not a rank-4 tensor of numbers");
        }
        JsonNode attr = call.attributes();
        String format = text(attr.path("data_format"), "NHWC");
        String padding = text(attr.path("padding"), "");
        if (!"NHWC".equals(format)) {
            throw call.refuse("its data format is " + format + "; kerasview translates NHWC only");
        }
        if (!"SAME".equals(padding) && !"VALID".equals(padding)) {
            throw call.refuse("its padding is " + padding + ", which is neither SAME nor VALID");
        }
        if (attr.path("explicit_paddings").path("list").path("i").size() > 0) {
            throw call.refuse("it has explicit paddings, which Keras's Conv2D does not take");
        }
        List<Long> strides = quadruple(call, attr.path("strides"), "strides");
        List<Long> dilations = quadruple(call, attr.path("dilations"), "dilations");
        List<Long> in = facts.shape(x);
        List<Long> k = filter.shape();
        if (in == null || in.size() != 4 || in.get(3) == null || !in.get(3).equals(k.get(2))) {
            throw call.refuse("its input " + (in == null ? "(shape unknown)" : in) + " does not have the " + k.get(2)
                    + " channels its filter " + k + " expects, as far as the config tells");
        }
        ObjectNode args = Json.object();
        args.put("filters", k.get(3));
        args.putArray("kernel_size").add(k.get(0)).add(k.get(1));
        args.putArray("strides").add(strides.get(1)).add(strides.get(2));
        args.put("padding", padding.toLowerCase(java.util.Locale.ROOT));
        args.put("data_format", "channels_last");
        args.putArray("dilation_rate").add(dilations.get(1)).add(dilations.get(2));
        args.put("groups", 1);
        args.put("activation", "linear");
        args.put("use_bias", false);
        WeightRecipe recipe = new WeightRecipe(List.of(WeightPart.constant(filter)));
        return new TfOpTranslation("Conv2D", args, List.of(x), recipe, "Conv2D without bias whose kernel is the "
                + k + " constant filter, strides " + strides + ", " + padding);
    }

    /** A {@code [1, h, w, 1]} attribute list (absent: all ones); batch and channel entries must be 1. */
    private static List<Long> quadruple(TfOpCall call, JsonNode attribute, String what) throws UpgradeRefusedException {
        JsonNode list = attribute.path("list").path("i");
        List<Long> out = new ArrayList<>();
        if (list.isMissingNode()) {
            return List.of(1L, 1L, 1L, 1L);
        }
        for (JsonNode v : list) {
            out.add(v.asLong(-1));
        }
        if (out.size() != 4 || out.get(0) != 1 || out.get(3) != 1 || out.get(1) < 1 || out.get(2) < 1) {
            throw call.refuse("its " + what + " " + out + " are not [1, h, w, 1]");
        }
        return out;
    }

    /** A protobuf string attribute, which protobuf's JSON form writes in base64. */
    private static String text(JsonNode attribute, String absent) {
        JsonNode s = attribute.path("s");
        if (!s.isTextual()) {
            return absent;
        }
        try {
            return new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s.asText();
        }
    }
}
