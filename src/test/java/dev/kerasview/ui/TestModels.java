package dev.kerasview.ui;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.FileFormat;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.DeferredText;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.Severity;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import dev.kerasview.model.WeightsLayout;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built models for view-model and view tests that need no reader. */
final class TestModels {

    private TestModels() {
    }

    static VariableInfo variable(String layerPath, int i, String name, long... shape) {
        List<Long> s = new ArrayList<>();
        long n = 1;
        for (long d : shape) {
            s.add(d);
            n *= d;
        }
        return new VariableInfo(name, s, "float32", 4 * n, true, layerPath + "/vars/" + i, null);
    }

    static LayerNode layer(String name, String className, String path, List<VariableInfo> vars) {
        return new LayerNode(name, className, null, "keras.layers", LayerKind.LAYER, path,
                DeferredText.of("{\"name\": \"" + name + "\", \"units\": 2, \"activation\": \"relu\", \"use_bias\": true,"
                        + " \"kernel_initializer\": {\"module\": \"keras.initializers\", \"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}}"),
                "(None, 2)", 1, vars, List.of(), null);
    }

    static LayerNode model(String name, String className, String path, List<LayerNode> children) {
        return new LayerNode(name, className, null, null, LayerKind.MODEL, path, null, null, 1, List.of(), children, null);
    }

    /** A VAE shaped like the fixture: z_mean and z_log_var (direct references) find no weights. */
    static LayerNode vaeTree() {
        LayerNode encoder = model("encoder", "Functional", "encoder", List.of(
                layer("encoder_dense", "Dense", "encoder/layers/dense",
                        List.of(variable("encoder/layers/dense", 0, "kernel", 784, 64), variable("encoder/layers/dense", 1, "bias", 64))),
                layer("z_mean", "Dense", "encoder/layers/dense_1",
                        List.of(variable("encoder/layers/dense_1", 0, "kernel", 64, 2), variable("encoder/layers/dense_1", 1, "bias", 2))),
                layer("z_log_var", "Dense", "encoder/layers/dense_2",
                        List.of(variable("encoder/layers/dense_2", 0, "kernel", 64, 2), variable("encoder/layers/dense_2", 1, "bias", 2)))));
        LayerNode decoder = model("decoder", "Functional", "decoder", List.of(
                layer("decoder_dense", "Dense", "decoder/layers/dense",
                        List.of(variable("decoder/layers/dense", 0, "kernel", 2, 784), variable("decoder/layers/dense", 1, "bias", 784)))));
        LayerNode zMeanRef = layer("z_mean", "Dense", null, List.of());
        LayerNode zLogVarRef = layer("z_log_var", "Dense", null, List.of());
        LayerNode sampling = new LayerNode("sampling", "Sampling", "vae>Sampling", "vae", LayerKind.CUSTOM, null,
                DeferredText.of("{\"name\": \"sampling\"}"), null, 1, List.of(), List.of(), null);
        return new LayerNode("vae", "VAE", "vae>VAE", "vae", LayerKind.CUSTOM, "",
                DeferredText.of("{\"name\": \"vae\"}"), null, 1, List.of(), List.of(encoder, decoder, zMeanRef, zLogVarRef, sampling), null);
    }

    static List<Finding> vaeFindings() {
        return List.of(
                Finding.error(FindingCode.VARIABLE_COUNT)
                        .layer("z_mean").className("Dense").path("z_mean_layer").expected(2L)
                        .found(0L)
                        .message("Layer 'z_mean' expected 2 variables, but received 0 variables during loading")
                        .cause("The model keeps a second reference to the encoder's z_mean layer; its weights were saved once, under encoder.")
                        .remedies("Convert to .h5 and load that file", "Remove the direct references from the model's get_config")
                        .build(),
                Finding.error(FindingCode.VARIABLE_COUNT)
                        .layer("z_log_var").className("Dense").path("z_log_var_layer")
                        .expected(2L).found(0L)
                        .message("Layer 'z_log_var' expected 2 variables, but received 0 variables during loading")
                        .cause("Same as z_mean.")
                        .remedies("Convert to .h5")
                        .build(),
                Finding.warning(FindingCode.OPTIMIZER_STATE)
                        .expected(46L).found(38L)
                        .message("optimizer has 46 variables, the file saved 38: its state will be discarded")
                        .cause("The optimizer is rebuilt with a different number of variables.")
                        .remedies("Recompile after loading")
                        .build(),
                Finding.info(FindingCode.CUSTOM_OBJECT)
                        .className("vae>VAE")
                        .message("The loading code must register vae>VAE")
                        .cause("A custom class.")
                        .build());
    }

    /** A flat model of {@code n} Dense layers named dense_0 … and every 100th a Conv2D. */
    static LayerNode wide(int n) {
        List<LayerNode> layers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cls = i % 100 == 0 ? "Conv2D" : "Dense";
            String path = "layers/l" + i;
            layers.add(layer((cls.equals("Conv2D") ? "conv_" : "dense_") + i, cls, path,
                    List.of(variable(path, 0, "kernel", 4, 4), variable(path, 1, "bias", 4))));
        }
        return model("wide", "Sequential", "", layers);
    }

    static ModelFile modelFile(Path file, LayerNode root) {
        return new ModelFile(file, null, FileFormat.KERAS_ARCHIVE, "3.4.1", "2024-06-01@12:00:00", null, 182127,
                root, "{}", null, WeightsLayout.KERAS3, null, List.of(), List.of());
    }

    /** An opened hand-built model whose every variable holds the values 0, 1, 2, … */
    static DiagnosedModel loaded(Path file, LayerNode root, List<Finding> findings, boolean loads) {
        ModelFile mf = modelFile(file, root);
        TensorStore store = new TensorStore() {
            @Override
            public ReadableByteChannel openRaw(VariableInfo variable) {
                throw new UnsupportedOperationException("hand-built models have no bytes");
            }

            @Override
            public VariableStats statistics(VariableInfo v, int bins) {
                long n = v.elementCount();
                List<Long> hist = new ArrayList<>();
                for (int i = 0; i < bins; i++) {
                    hist.add(n / bins + (i < n % bins ? 1 : 0));
                }
                double mean = (n - 1) / 2.0;
                return new VariableStats(n, n * mean, 0, n - 1, mean, 1, 1, 0, 0, n - 1, hist);
            }
        };
        OpenModel open = new OpenModel() {
            @Override
            public ModelFile model() {
                return mf;
            }

            @Override
            public TensorStore tensors() {
                return store;
            }

            @Override
            public void close() {
            }
        };
        return new DiagnosedModel(open, findings, loads);
    }
}
