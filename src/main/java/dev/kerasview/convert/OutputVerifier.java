package dev.kerasview.convert;

import dev.kerasview.formats.LegacyNames;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.ParsedJson;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-opens written files with the project's readers and compares them with the plan: layer and
 * weight names, every tensor's shape and dtype, and its bytes against the source's, byte for byte.
 */
final class OutputVerifier {

    private final ModelOpener opener;
    private final OutputDiagnosis diagnosis;
    private final ProgressMeter meter;
    private final TensorComparer comparer;

    OutputVerifier(ModelOpener opener, OutputDiagnosis diagnosis, ProgressMeter meter, TensorComparer comparer) {
        this.opener = opener;
        this.diagnosis = diagnosis;
        this.meter = meter;
        this.comparer = comparer;
    }

    /** Where the weights sit inside the written weights file. */
    enum Layout {
        /** {@code model_weights/<layer>/<weight name>} in a full-model .h5. */
        FULL_MODEL("model_weights/"),
        /** {@code <layer>/<weight name>} in a legacy weights file. */
        LEGACY_WEIGHTS(""),
        /** The source store's own paths in a Keras 3 weights file. */
        KERAS3("");

        private final String prefix;

        Layout(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * @param file        the written (temporary) file
     * @param finalFile   the name it will have; the diagnoser routes by suffix as Keras does
     */
    VerificationReport verify(Path file, Path weightsOrNull, Path finalFile, Path finalWeights, Layout layout,
                              WeightPlan plan, H5Group sourceStore) throws ConversionCancelledException {
        return verify(file, weightsOrNull, finalFile, finalWeights, (weights, problems) -> layout == Layout.KERAS3
                ? keras3Checks(sourceStore) : legacyChecks(weights, layout, plan, problems));
    }

    /** Verifies a written {@code .keras}: every variable of {@code layout} where it was placed. */
    VerificationReport verify(Path file, Path finalFile, KerasLayout layout) throws ConversionCancelledException {
        return verify(file, null, finalFile, null, (weights, problems) -> layoutChecks(layout, weights, problems));
    }

    /**
     * Verifies a JSON architecture with sharded weights, both under their final names: the index
     * lists what {@code shards} planned, each shard holds exactly its planned groups and
     * variables, and every variable of {@code layout} reads back through the index.
     */
    VerificationReport verify(Path json, Path index, KerasLayout layout, ShardPlan shards)
            throws ConversionCancelledException {
        return verify(json, index, json, index, (weights, problems) -> {
            new ShardCheck(opener).check(index, shards, problems);
            return layoutChecks(layout, weights, problems);
        });
    }

    private static List<Check> layoutChecks(KerasLayout layout, H5Group weights, List<String> problems) {
        List<Check> checks = new ArrayList<>();
        for (KerasLayout.VarsGroup g : layout.groups()) {
            String vars = g.path().isEmpty() ? "vars" : g.path() + "/vars";
            H5Group written = weights.find(vars).orElse(null);
            if (written == null) {
                problems.add("group " + vars + " is missing from the output");
                continue;
            }
            if (!Objects.equals(g.name(), written.stringAttribute("name"))) {
                problems.add(vars + " is named '" + written.stringAttribute("name") + "', expected '"
                        + g.name() + "'");
            }
            if (written.datasets().size() != g.variables().size()) {
                problems.add(vars + " holds " + written.datasets().size() + " variables, expected "
                        + g.variables().size());
            }
            for (int i = 0; i < g.variables().size(); i++) {
                checks.add(new Check(vars + "/" + i, g.variables().get(i).source()));
            }
        }
        return checks;
    }

    /** Builds the checks of one output from its weights store, adding structural problems. */
    private interface Checks {
        List<Check> of(H5Group writtenWeights, List<String> problems);
    }

    private VerificationReport verify(Path file, Path weightsOrNull, Path finalFile, Path finalWeights,
                                      Checks checkBuilder) throws ConversionCancelledException {
        List<String> problems = new ArrayList<>();
        int tensors = 0;
        long bytes = 0;
        LoadVerdict verdict;
        meter.phase("verifying");
        try (OpenModel opened = opener.open(file, weightsOrNull)) {
            ModelFile m = opened.model();
            H5Group weights = m.weights();
            if (weights == null) {
                return new VerificationReport(0, 0, List.of("the written file has no readable weights"), false, null);
            }
            Map<String, VariableInfo> known = new HashMap<>();
            if (m.root() != null) {
                m.root().allVariables().forEach(v -> known.put(v.path(), v));
            }
            List<Check> checks = checkBuilder.of(weights, problems);
            List<TensorComparer.Comparison> comparisons = new ArrayList<>();
            for (Check c : checks) {
                H5Dataset d = weights.findDataset(c.path()).orElse(null);
                if (d == null) {
                    problems.add("dataset " + c.path() + " is missing from the output");
                    continue;
                }
                if (!d.shape().equals(c.source().shape()) || !sameDtype(d.dtype(), c.source().dtype())) {
                    problems.add(c.path() + ": shape " + d.shape() + " " + d.dtype() + ", source "
                            + c.source().shape() + " " + c.source().dtype());
                    continue;
                }
                VariableInfo written = known.getOrDefault(d.path(), new VariableInfo(d.key(), d.shape(),
                        c.source().dtype(), d.byteSize(), true, d.path(), null));
                comparisons.add(new TensorComparer.Comparison(written, c.source(), c.path()));
            }
            long[] differences = comparer.firstDifferences(opened.tensors(), comparisons);
            for (int i = 0; i < differences.length; i++) {
                TensorComparer.Comparison c = comparisons.get(i);
                if (differences[i] >= 0) {
                    problems.add(c.label() + ": bytes differ from the source " + c.source().path()
                            + " from byte " + differences[i] + " on");
                }
                tensors++;
                bytes += c.source().byteSize();
            }
            verdict = diagnosis == null ? null : diagnosis.verdict(renamed(m, finalFile, finalWeights));
        } catch (ProgressMeter.Cancelled e) {
            throw new ConversionCancelledException("cancelled while verifying; nothing was written");
        } catch (UnreadableFileException e) {
            problems.add("the written file cannot be read back: " + e.getMessage());
            verdict = null;
        } catch (IOException | RuntimeException e) {
            problems.add("reading the written file back failed: " + e.getMessage());
            verdict = null;
        }
        return new VerificationReport(tensors, bytes, problems, diagnosis != null, verdict);
    }

    private static ModelFile renamed(ModelFile m, Path file, Path weights) {
        return new ModelFile(file, weights, m.format(), m.kerasVersion(), m.dateSaved(), m.backend(),
                m.fileSize(), m.root(), m.configJson(), m.parsedConfig(), m.trainingConfigJson(),
                m.weightsLayout(), m.weights(), m.archiveEntries(), m.problems());
    }

    private record Check(String path, VariableInfo source) {
    }

    private List<Check> legacyChecks(H5Group weights, Layout layout, WeightPlan plan, List<String> problems) {
        List<Check> checks = new ArrayList<>();
        String prefix = layout.prefix;
        H5Group base = prefix.isEmpty() ? weights : weights.find(prefix).orElse(null);
        if (base == null) {
            problems.add("group " + prefix + " is missing from the output");
            return checks;
        }
        List<String> layerNames = strings(base, "layer_names");
        List<String> expectedNames = plan.layers().stream().map(PlannedLayer::name).toList();
        if (!expectedNames.equals(layerNames)) {
            problems.add("layer_names reads back as " + layerNames + ", expected " + expectedNames);
        }
        for (PlannedLayer l : plan.layers()) {
            H5Group g = base.group(l.name()).orElse(null);
            if (g == null) {
                problems.add("layer group " + prefix + l.name() + " is missing");
                continue;
            }
            List<String> names = strings(g, "weight_names");
            List<String> expected = l.weights().stream().map(PlannedWeight::name).toList();
            if (!expected.equals(names)) {
                problems.add(prefix + l.name() + " weight_names reads back as " + names + ", expected " + expected);
            }
            for (PlannedWeight w : l.weights()) {
                checks.add(new Check(prefix + l.name() + "/" + w.name(), w.source()));
            }
        }
        if (layout == Layout.FULL_MODEL) {
            for (PlannedWeight w : plan.optimizerWeights()) {
                checks.add(new Check("optimizer_weights/" + w.name(), w.source()));
            }
        }
        return checks;
    }

    private List<Check> keras3Checks(H5Group source) {
        List<Check> checks = new ArrayList<>();
        collect(source, checks);
        return checks;
    }

    private void collect(H5Group g, List<Check> checks) {
        for (H5Dataset d : g.datasets()) {
            checks.add(new Check(d.path(), new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(),
                    true, d.path(), null)));
        }
        g.groups().forEach(c -> collect(c, checks));
    }

    /** A string-array attribute, joining Keras's chunked form ({@code name0, name1, ...}); empty when absent. */
    static List<String> strings(H5Group g, String name) {
        List<String> strings = LegacyNames.read(g, name);
        return strings == null ? List.of() : strings;
    }

    private static boolean sameDtype(String written, String source) {
        // A legacy .h5 has no bfloat16 marker; its 2-byte opaque type reads back as such.
        return written.equals(source) || ("bfloat16".equals(source) && written.startsWith("opaque"));
    }
}
