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
        OptimizerPlan plan = OptimizerPlan.from(root.compileConfig());
        Saveable model = graph.model(root, plan);
        Saveable optimizer = graph.objects().stream()
                .filter(o -> o.type() == Saveable.Type.OPTIMIZER).findFirst().orElse(null);
        LoadWalk.Result dry = LoadWalk.run(model, weights);
        TrainableCount trainable = null;
        if (optimizer != null) {
            trainable = TrainableCount.of(model, dry.firstPaths(), dry.readPaths(), weights);
            boolean built = model.built();
            int saved = weights.find("optimizer/vars").map(WeightsStore::keyCount).orElse(0);
            optimizer.optimizerVariables(built
                    ? closest(plan, trainable, saved) : 0);
        }
        LoadWalk.Result result = LoadWalk.run(model, weights);
        findings.addAll(new WalkFindings(weights).of(result));
        return findings;
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
