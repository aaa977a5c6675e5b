package dev.kerasview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.Int4Packing;
import dev.kerasview.catalog.LayerPrecision;
import dev.kerasview.config.KerasJson;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A tree node's {@link LayerPrecision}, read from its config, and its one-line text form. */
final class LayerPrecisions {

    private LayerPrecisions() {
    }

    /** The node's precision, or null for models, groups without config and unparsable configs. */
    static LayerPrecision of(LayerNode n) {
        JsonNode config = config(n);
        return config == null ? null : LayerPrecision.of(config);
    }

    /** How the node's {@code variable} is int4-packed, if it is: its statistics are then also given unpacked. */
    static Optional<Int4Packing> int4(LayerNode n, VariableInfo variable) {
        return n.kind() == LayerKind.MODEL ? Optional.empty()
                : Int4Packing.of(n.className(), n.configJson(), variable.name());
    }

    private static JsonNode config(LayerNode n) {
        if (n.kind() == LayerKind.MODEL || n.kind() == LayerKind.OPTIMIZER || n.configJson() == null) {
            return null;
        }
        try {
            JsonNode config = KerasJson.parse(n.configJson()).get("config");
            return config != null && config.isObject() ? config : null;
        } catch (IOException e) {
            return null; // the reader already reports an unreadable config
        }
    }

    /** {@code <mixed_float16>}, {@code <float32, int4/128>}, {@code <LoRA rank 2 alpha 8.0>}. */
    static String text(LayerPrecision p) {
        List<String> parts = new ArrayList<>();
        if (p.policy() != null && !p.policy().equals("float32")) {
            parts.add(p.policy());
        }
        if (p.quantization() != null) {
            parts.add(p.quantization());
        }
        if (p.loraRank() != null) {
            parts.add("LoRA rank " + p.loraRank() + " alpha " + p.loraAlpha());
        }
        if (!p.policyMap().isEmpty()) {
            parts.add("policy map " + p.policyMap());
        }
        return "<" + String.join(", ", parts) + ">";
    }
}
