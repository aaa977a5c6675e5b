package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.Lora;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges LoRA layers' stored matrices into their kernels, as Keras's own {@code .keras} save
 * does ({@code kernel + lora_alpha / lora_rank * lora_a @ lora_b}): a legacy .h5 stores them
 * unmerged, and Keras's {@code build()} resets {@code lora_alpha} to the rank, so loading them
 * apart would scale the update wrongly. The merged layer stores its kernel and bias only; Keras
 * zeroes the LoRA matrices it creates on load.
 */
final class LoraMerge {

    private final DerivedTensors tensors;

    LoraMerge(DerivedTensors tensors) {
        this.tensors = tensors;
    }

    /** The plan with every top-level LoRA layer of {@code config} merged. */
    WeightPlan apply(WeightPlan plan, JsonNode config) throws ConversionException {
        Map<String, Lora> lora = new HashMap<>();
        for (JsonNode layer : config.path("config").path("layers")) {
            Lora l = Lora.of(layer.path("config"));
            if (l != null) {
                lora.put(layer.path("config").path("name").asText(), l);
            }
        }
        if (lora.isEmpty()) {
            return plan;
        }
        List<PlannedLayer> layers = new ArrayList<>();
        List<String> notes = new ArrayList<>(plan.notes());
        for (PlannedLayer layer : plan.layers()) {
            Lora l = lora.get(layer.name());
            PlannedWeight a = find(layer, "_a");
            if (l != null && a == null && !layer.weights().isEmpty()) {
                // Keras's legacy save always stores the LoRA matrices beside the kernel they adapt
                throw refuse(layer, "is LoRA-enabled (lora_rank " + l.rank() + ") but the file stores only "
                        + layer.weights().stream().map(w -> leaf(w.name())).toList() + ", not its lora_kernel_a"
                        + " and lora_kernel_b, so its effective kernel (kernel + a @ b * lora_alpha / lora_rank)"
                        + " is unknown");
            }
            if (l == null || a == null) {
                layers.add(layer);
                continue;
            }
            layers.add(merge(layer, l, notes));
        }
        return new WeightPlan(layers, plan.optimizerName(), plan.optimizerWeights(), notes,
                plan.unplaced());
    }

    private PlannedLayer merge(PlannedLayer layer, Lora lora, List<String> notes)
            throws ConversionException {
        PlannedWeight a = find(layer, "_a");
        PlannedWeight b = find(layer, "_b");
        PlannedWeight kernel = null;
        List<PlannedWeight> rest = new ArrayList<>();
        for (PlannedWeight w : layer.weights()) {
            String leaf = leaf(w.name());
            if (leaf.equals("kernel") || leaf.equals("embeddings")) {
                kernel = w;
            } else if (w != a && w != b) {
                rest.add(w);
            }
        }
        if (kernel == null || b == null) {
            throw refuse(layer, "stores LoRA matrices without the kernel they adapt");
        }
        for (PlannedWeight w : List.of(kernel, a, b)) {
            if (!w.source().dtype().equals("float32")) {
                throw refuse(layer, "stores " + w.name() + " as " + w.source().dtype()
                        + "; only float32 LoRA layers are merged");
            }
        }
        List<Long> ks = kernel.source().shape();
        List<Long> as = a.source().shape();
        List<Long> bs = b.source().shape();
        long rank = as.isEmpty() ? -1 : as.get(as.size() - 1);
        long rows = ks.size() < 2 ? -1 : kernel.source().elementCount() / ks.get(ks.size() - 1);
        long cols = ks.isEmpty() ? -1 : ks.get(ks.size() - 1);
        if (bs.size() != 2 || bs.get(0) != rank || bs.get(1) != cols
                || a.source().elementCount() != rows * rank || rank != lora.rank()) {
            throw refuse(layer, "stores LoRA matrices " + as + " and " + bs + " that do not fit "
                    + "its kernel " + ks + " at lora_rank " + lora.rank());
        }
        byte[] merged;
        try {
            merged = merge(floats(kernel.source()), floats(a.source()), floats(b.source()),
                    (int) rows, (int) rank, (int) cols, lora.alpha() / lora.rank());
        } catch (IOException e) {
            throw new ConversionException("layer '" + layer.name() + "': " + e.getMessage());
        }
        VariableInfo v = tensors.add(leaf(kernel.name()), ks, "float32", merged);
        rest.add(new PlannedWeight(kernel.name(), v, false));
        notes.add("layer '" + layer.name() + "': its LoRA matrices are merged into its kernel at "
                + "lora_alpha / lora_rank = " + lora.alpha() + " / " + lora.rank()
                + ", as Keras's own .keras save does");
        return new PlannedLayer(layer.name(), layer.className(), layer.sourcePath(),
                layer.repaired(), layer.missing(), rest);
    }

    /**
     * kernel + scale * (a @ b) in float32 as NumPy computes it for Keras: each product added
     * with one rounding to float32 (a fused multiply-add), the scale a float32; this gives
     * Keras's merged kernel bit for bit.
     */
    private static byte[] merge(float[] kernel, float[] a, float[] b, int rows, int rank,
                                int cols, double scale) {
        ByteBuffer out = ByteBuffer.allocate(kernel.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        float s = (float) scale;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float delta = 0f;
                for (int r = 0; r < rank; r++) {
                    delta = (float) ((double) delta + (double) a[i * rank + r] * b[r * cols + j]);
                }
                out.putFloat(kernel[i * cols + j] + s * delta);
            }
        }
        return out.array();
    }

    private float[] floats(VariableInfo v) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(tensors.read(v)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) v.elementCount()];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    private static PlannedWeight find(PlannedLayer layer, String suffix) {
        for (PlannedWeight w : layer.weights()) {
            String leaf = leaf(w.name());
            if (leaf.startsWith("lora_") && leaf.endsWith(suffix)) {
                return w;
            }
        }
        return null;
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static ConversionRefusedException refuse(PlannedLayer layer, String why) {
        return new ConversionRefusedException(ConversionRefusal.WEIGHTS_DO_NOT_FIT,
                "layer '" + layer.name() + "' " + why);
    }
}
