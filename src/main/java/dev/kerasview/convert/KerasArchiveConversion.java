package dev.kerasview.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.config.KerasJson;
import dev.kerasview.convert.upgrade.LambdaReplacement;
import dev.kerasview.convert.upgrade.UpgradeRefusedException;
import dev.kerasview.diagnose.SaveLayout;
import dev.kerasview.formats.LegacyNames;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.WeightsLayout;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans a {@code .keras} output: its Keras 3 config (upgraded from a legacy one where needed) and
 * the place of every stored weight in Keras 3's object-walk layout.
 */
final class KerasArchiveConversion {

    private final LayerCatalog catalog;
    private final ConfigUpgrade upgrade;
    private final TargetVersionConfig targetForm;

    /** Plans the newest modelled Keras version's form. */
    KerasArchiveConversion(LayerCatalog catalog, ConfigUpgrade upgrade) {
        this(catalog, upgrade, null);
    }

    /** Plans the form of an older Keras version ({@code targetForm}; null for the newest). */
    KerasArchiveConversion(LayerCatalog catalog, ConfigUpgrade upgrade, TargetVersionConfig targetForm) {
        this.catalog = catalog;
        this.upgrade = upgrade;
        this.targetForm = targetForm;
    }

    /** The plan for one model; refuses what cannot be written exactly. */
    Planned plan(OpenModel source, boolean allowMissing) throws ConversionException {
        ModelFile model = source.model();
        DerivedTensors tensors = new DerivedTensors(source.tensors());
        String name = model.file().getFileName().toString();
        if (model.configJson() == null) {
            throw new ConversionRefusedException(ConversionRefusal.NO_CONFIG, WeightsOnly.message(model.file()));
        }
        JsonNode root;
        try {
            root = KerasJson.parse(model.configJson());
        } catch (IOException e) {
            throw new ConversionRefusedException(ConversionRefusal.UNSUPPORTED_INPUT,
                    name + ": the model config is not valid JSON");
        }
        WeightPlan weights;
        KerasConfigSource config;
        if (model.weightsLayout() == WeightsLayout.KERAS3 && writtenByKeras2(model)) {
            // tf.keras 2.13-2.15 wrote .keras archives: Keras 3's weights layout, Keras 2's config
            config = upgrade.upgrade(root, model);
            weights = new WeightPlanner(new VariableNames(catalog)).plan(model, config.config());
        } else if (model.weightsLayout() == WeightsLayout.KERAS3) {
            config = QuantizedAttentionPolicies.apply(lambdasReplaced(root), model);
            weights = new WeightPlanner(new VariableNames(catalog)).plan(model, config.config());
        } else {
            config = QuantizedAttentionPolicies.apply(upgrade.upgrade(root, model), model);
            weights = new WeightRecipes(tensors).apply(new LegacyWeightPlanner().plan(model), config.recipes());
            weights = new LoraMerge(tensors).apply(weights, config.config());
        }
        if (targetForm != null) {
            config = targetForm.apply(config);
        }
        SaveLayout.Slot layout = SaveLayout.of(config.config(), catalog);
        KerasLayout placed = new KerasLayoutPlanner().place(layout, weights, allowMissing);
        List<KerasLayout.VarsGroup> groups = new ArrayList<>(placed.groups());
        List<String> notes = new ArrayList<>(config.notes());
        notes.addAll(weights.notes());
        notes.addAll(placed.notes());
        if (config.config().has("compile_config")) {
            (model.weightsLayout() == WeightsLayout.KERAS3 ? optimizerGroup(model.weights())
                    : legacyOptimizerGroup(model, notes)).ifPresent(groups::add);
        }
        return new Planned(config, new KerasLayout(groups, notes, placed.missing()), weights, tensors);
    }

    private static boolean writtenByKeras2(ModelFile model) {
        return model.kerasVersion() != null && model.kerasVersion().startsWith("2.");
    }

    /** A Keras 3 config with its bytecode Lambdas replaced by built-in layers where that is exact. */
    static KerasConfigSource lambdasReplaced(JsonNode root) throws ConversionRefusedException {
        JsonNode config = root.deepCopy();
        List<String> notes = new ArrayList<>();
        try {
            LambdaReplacement.apply(config, notes);
        } catch (UpgradeRefusedException e) {
            throw new ConversionRefusedException(ConversionRefusal.NO_EXACT_FORM, e.getMessage());
        }
        return new KerasConfigSource(config, notes, Map.of());
    }

    /** The source's optimizer state, carried over unchanged with the compile config it belongs to. */
    private static Optional<KerasLayout.VarsGroup> optimizerGroup(H5Group store) {
        H5Group vars = store.find("optimizer/vars").orElse(null);
        if (vars == null || vars.datasets().isEmpty()) {
            return Optional.empty();
        }
        List<H5Dataset> ordered = new ArrayList<>(vars.datasets());
        ordered.sort(Comparator.comparingLong(d -> index(d.key())));
        List<PlannedWeight> out = new ArrayList<>();
        for (H5Dataset d : ordered) {
            out.add(new PlannedWeight(d.key(), new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(), false,
                    d.path(), null), false));
        }
        return Optional.of(new KerasLayout.VarsGroup("optimizer",
                Objects.requireNonNullElse(vars.stringAttribute("name"), ""), out));
    }

    /**
     * A Keras 3 legacy file's optimizer state: Keras 3 writes {@code optimizer.variables} in order,
     * the order its {@code .keras} form keeps. Older files name variables per backend and are left out.
     */
    private static Optional<KerasLayout.VarsGroup> legacyOptimizerGroup(ModelFile model, List<String> notes) {
        H5Group group = model.weights() == null ? null : model.weights().group("optimizer_weights").orElse(null);
        if (group == null) {
            return Optional.empty();
        }
        List<String> names = LegacyNames.read(group, "weight_names");
        if (names == null || names.isEmpty() || model.kerasVersion() == null || !model.kerasVersion().startsWith("3.")) {
            notes.add("the optimizer state of the " + (model.kerasVersion() == null ? "legacy" : "Keras "
                    + model.kerasVersion()) + " file is not carried over: Keras 3 builds its own on the first "
                    + "training step");
            return Optional.empty();
        }
        List<PlannedWeight> out = new ArrayList<>();
        for (String n : names) {
            H5Dataset d = group.findDataset(n).orElse(null);
            if (d == null) {
                notes.add("the optimizer state is left out: " + n + " named in weight_names is not in the file");
                return Optional.empty();
            }
            out.add(new PlannedWeight(String.valueOf(out.size()), new VariableInfo(d.key(), d.shape(), d.dtype(),
                    d.byteSize(), false, d.path(), null), false));
        }
        String name = names.get(0).contains("/") ? names.get(0).substring(0, names.get(0).indexOf('/')) : "";
        return Optional.of(new KerasLayout.VarsGroup("optimizer", name, out));
    }

    private static long index(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A planned {@code .keras} output. */
    record Planned(KerasConfigSource config, KerasLayout layout, WeightPlan weights, DerivedTensors tensors) {

        /** The config.json text. */
        String configText() {
            return KerasJson.toPythonJson(config.config());
        }
    }

    /** Writes the planned archive. */
    static void write(AtomicOutput out, Planned plan, TensorCopier copier) throws IOException {
        new KerasArchiveWriter(copier).write(out.channel(), plan.configText(), plan.layout(), LocalDateTime.now());
        out.finishWriting();
    }
}
