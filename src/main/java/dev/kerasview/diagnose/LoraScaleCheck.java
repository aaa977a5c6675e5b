package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.kerasview.catalog.Lora;
import dev.kerasview.formats.LegacyNames;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LoRA layers in legacy-layout weights: the file stores the unmerged {@code lora_*_a/b}
 * matrices, and Keras's {@code build()} calls {@code enable_lora(rank)}, which resets
 * {@code lora_alpha} to the rank; where the saved alpha differs, the layer loads without error
 * and computes other outputs (a .keras file stores the kernel merged and is not affected).
 */
final class LoraScaleCheck {

    private LoraScaleCheck() {
    }

    static List<Finding> check(JsonNode modelConfig, H5Group weights) {
        List<Finding> out = new ArrayList<>();
        JsonNode layers = new Envelope(modelConfig).layers();
        if (layers == null) {
            return out;
        }
        for (JsonNode entry : layers) {
            if (!Envelope.is(entry)) {
                continue;
            }
            Envelope layer = new Envelope(entry);
            Lora lora = Lora.of(layer.config());
            if (lora == null || lora.alpha() == lora.rank()
                    || !storesLoraMatrices(weights, layer.name())) {
                continue;
            }
            double saved = lora.alpha() / lora.rank();
            out.add(Finding.warning(FindingCode.LORA_ALPHA_RESET)
                    .layer(layer.name()).className(layer.className())
                    .path(weights.group(layer.name()).map(H5Group::path).orElse(null))
                    .expected(lora.alpha()).found((double) lora.rank())
                    .message(String.format(Locale.ROOT, "Layer '%s' loads with lora_alpha %s "
                            + "reset to its lora_rank %d: its LoRA update is scaled by 1 instead "
                            + "of %s, so the model's predictions differ from the saved model's",
                            layer.name(), number(lora.alpha()), lora.rank(),
                            number(saved)))
                    .cause("The legacy .h5 stores the LoRA matrices unmerged, and Keras's build() "
                            + "calls enable_lora(lora_rank), which sets lora_alpha to the rank; "
                            + "Keras says nothing.")
                    .remedies("Convert the file with kerasview (kerasview convert FILE --to keras): "
                            + "the .keras form stores the kernel with the LoRA update merged at "
                            + "the saved scale.",
                            "Or, after loading, set layer.lora_alpha back to "
                            + number(lora.alpha()) + " in your code.")
                    .build());
        }
        return out;
    }

    private static String number(double v) {
        return PythonValues.repr(DoubleNode.valueOf(v));
    }

    private static boolean storesLoraMatrices(H5Group weights, String layer) {
        List<String> names = weights.group(layer).map(g -> LegacyNames.read(g, "weight_names"))
                .orElse(null);
        return names != null && names.stream().anyMatch(n -> n.contains("lora_"));
    }
}
