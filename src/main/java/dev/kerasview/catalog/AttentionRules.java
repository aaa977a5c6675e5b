package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Attention and AdditiveAttention (MultiHeadAttention owns only sub-layers). */
final class AttentionRules {

    private AttentionRules() {
    }

    static List<VariableSpec> attention(JsonNode config, BuildShapes shapes) {
        List<VariableSpec> out = new ArrayList<>();
        if (Dims.flag(config, "use_scale", false)) {
            out.add(new VariableSpec("scale", List.of(), true));
        }
        if ("concat".equals(Dims.text(config, "score_mode", "dot"))) {
            out.add(new VariableSpec("concat_score_weight", List.of(), true));
        }
        return out;
    }

    static List<VariableSpec> additiveAttention(JsonNode config, BuildShapes shapes) {
        if (!Dims.flag(config, "use_scale", true)) {
            return List.of();
        }
        List<List<Long>> inputs = shapes.inputs();
        Long dim = inputs.isEmpty() ? null : Dims.at(inputs.get(0), -1);
        return List.of(new VariableSpec("scale", Dims.of(dim), true));
    }
}
