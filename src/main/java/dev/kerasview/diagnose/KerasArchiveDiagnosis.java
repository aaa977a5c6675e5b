package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.model.Finding;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3 loading: {@code load_model} of a {@code .keras} archive or folder, and
 * {@code model_from_json} followed by {@code load_weights} of a Keras 3 weights file. Classes
 * are resolved first; when the model can be rebuilt, the load walk runs over the weights.
 */
final class KerasArchiveDiagnosis {

    private final LayerCatalog catalog;
    private final LayerArguments arguments;

    KerasArchiveDiagnosis(LayerCatalog catalog, LayerArguments arguments) {
        this.catalog = catalog;
        this.arguments = arguments;
    }

    /**
     * @param config  the parsed architecture
     * @param weights the weights store, or null when the model has none to read
     */
    List<Finding> diagnose(JsonNode config, H5Group weights) {
        List<Finding> findings = new ArrayList<>(
                new KerasConfigChecks(catalog, arguments).check(config));
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) || weights == null) {
            return findings;
        }
        Envelope root = new Envelope(config);
        ObjectGraph graph = new ObjectGraph(catalog);
        OptimizerPlan plan = OptimizerPlan.from(root.compileConfig(), policy(config));
        Saveable model = graph.model(root, plan);
        boolean hasOptimizer = !graph.optimizerPlans().isEmpty();
        LoadWalk.Result dry = LoadWalk.run(model, weights);
        GroupClasses classes = new GroupClasses(catalog);
        List<UnbuiltGroups.Unbuilt> unbuilt = new UnbuiltGroups(classes).find(weights, dry);
        boolean builtOnLoad = !model.known() && root.buildConfig() != null;
        if (hasOptimizer) {
            TrainableCount trainable = TrainableCount.of(model, dry.firstPaths(),
                    dry.readPaths(), weights, classes);
            if (builtOnLoad) {
                int extra = 0;
                for (UnbuiltGroups.Unbuilt u : unbuilt) {
                    extra += (int) u.expected().stream().filter(v -> v.trainable()).count();
                }
                trainable = new TrainableCount(trainable.certain() + extra,
                        trainable.uncertain());
            }
            for (var e : graph.optimizerPlans().entrySet()) {
                String path = dry.firstPaths().getOrDefault(e.getKey(), "optimizer");
                int saved = new WeightsStore(weights).vars(path).map(WeightsStore::keyCount)
                        .orElse(0);
                e.getKey().optimizerVariables(model.built()
                        ? closest(e.getValue(), trainable, saved) : 0);
            }
        }
        LoadWalk.Result result = LoadWalk.run(model, weights);
        findings.addAll(new WalkFindings(weights).of(result));
        for (UnbuiltGroups.Unbuilt u : unbuilt) {
            findings.add(UnbuiltGroups.finding(u, builtOnLoad));
        }
        return findings;
    }

    /** The model's dtype policy name ({@code mixed_float16}), or null. */
    private static String policy(JsonNode config) {
        JsonNode dtype = config.path("config").get("dtype");
        if (dtype == null) {
            return null;
        }
        if (dtype.isTextual()) {
            return dtype.asText();
        }
        JsonNode name = dtype.path("config").get("name");
        return name != null && name.isTextual() ? name.asText() : null;
    }

    /** The predicted count; with custom layers of unknown trainability, the one nearest to the file. */
    private static int closest(OptimizerPlan plan, TrainableCount t, int saved) {
        int best = plan.variables(t.certain() + t.uncertain());
        for (int u = 0; u <= t.uncertain(); u++) {
            int n = plan.variables(t.certain() + u);
            if (n == saved) {
                return n;
            }
        }
        return best;
    }
}
