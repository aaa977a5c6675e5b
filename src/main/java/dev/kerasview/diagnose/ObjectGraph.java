package dev.kerasview.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.catalog.SubLayerSpec;
import dev.kerasview.catalog.VariableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds, from a Keras 3 config, the objects {@code load_model} creates: models with their
 * {@code layers} lists, layers with their own variables (from the catalog), composite built-ins
 * with their sub-layers, and the optimizer. Each config entry becomes a new object unless it
 * repeats a {@code shared_object_id}: a config that references one layer from two places
 * therefore rebuilds it twice, as Keras does.
 */
final class ObjectGraph {

    private final LayerCatalog catalog;
    private final Map<Long, Saveable> shared = new HashMap<>();
    private final List<Saveable> all = new ArrayList<>();
    private final Map<Saveable, OptimizerPlan> plans = new IdentityHashMap<>();

    ObjectGraph(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** The root model with its optimizer attached when the config compiles it. */
    Saveable model(Envelope root, OptimizerPlan optimizer) {
        Saveable model = object(root, false);
        if (optimizer != null) {
            Saveable opt = new Saveable(optimizer.className(), optimizer.name(),
                    Saveable.Type.OPTIMIZER, List.of(), true, true);
            model.add("optimizer", opt);
            all.add(opt);
            plans.put(opt, optimizer);
            OptimizerPlan inner = optimizer.inner();
            if (inner != null) {
                Saveable in = new Saveable(inner.className(), inner.name(),
                        Saveable.Type.OPTIMIZER, List.of(), true, true);
                opt.add("inner_optimizer", in);
                all.add(in);
                plans.put(in, inner);
            }
        }
        return model;
    }

    /** The plan of each optimizer object created. */
    Map<Saveable, OptimizerPlan> optimizerPlans() {
        return plans;
    }

    /** Every object created, in creation order. */
    List<Saveable> objects() {
        return List.copyOf(all);
    }

    private Saveable object(Envelope env, boolean parentBuilt) {
        Long sid = env.sharedObjectId();
        if (sid != null && shared.containsKey(sid)) {
            return shared.get(sid);
        }
        Saveable s;
        if (env.isFunctionalConfig()) {
            s = functional(env);
        } else if (isSequential(env)) {
            s = sequential(env, parentBuilt);
        } else {
            s = layer(env, parentBuilt);
        }
        if (sid != null) {
            shared.put(sid, s);
        }
        return s;
    }

    private static boolean isSequential(Envelope env) {
        return env.className().equals("Sequential") && env.layers() != null;
    }

    private Saveable functional(Envelope env) {
        Saveable model = new Saveable(env.className(), env.name(), Saveable.Type.FUNCTIONAL,
                List.of(), true, env.trainable());
        all.add(model);
        List<Object> layers = new ArrayList<>();
        for (Envelope e : members(env)) {
            if (!e.isOperation()) {
                layers.add(object(e, true));
            }
        }
        model.add("layers", layers);
        return model;
    }

    private Saveable sequential(Envelope env, boolean parentBuilt) {
        List<Envelope> members = members(env);
        boolean hasInput = members.stream().anyMatch(e -> e.className().equals("InputLayer"));
        JsonNode c = env.config();
        boolean built = hasInput || env.buildConfig() != null
                || c.hasNonNull("build_input_shape") || parentBuilt;
        Saveable model = new Saveable(env.className(), env.name(), Saveable.Type.SEQUENTIAL,
                List.of(), built, env.trainable());
        all.add(model);
        List<Object> layers = new ArrayList<>();
        for (Envelope e : members) {
            if (!e.className().equals("InputLayer")) {
                layers.add(object(e, built));
            }
        }
        model.add("layers", layers);
        return model;
    }

    /** The object envelopes of a model's {@code layers} list (other JSON values are skipped). */
    private static List<Envelope> members(Envelope model) {
        List<Envelope> out = new ArrayList<>();
        for (JsonNode entry : model.layers()) {
            if (Envelope.is(entry)) {
                out.add(new Envelope(entry));
            }
        }
        return out;
    }

    private Saveable layer(Envelope env, boolean parentBuilt) {
        String cls = env.className();
        JsonNode config = env.config() != null && env.config().isObject() ? env.config() : null;
        JsonNode build = env.buildConfig();
        boolean builtIn = catalog.knows(cls) && catalog.isBuiltIn(cls, env.module(),
                env.hasModuleKey() ? env.registeredName() : null)
                && catalog.exactCount(cls, config);
        boolean built = build != null || parentBuilt;
        if (!builtIn) {
            Saveable custom = new Saveable(cls, env.name(), Saveable.Type.LAYER, null, built,
                    env.trainable());
            all.add(custom);
            customChildren(custom, env);
            return custom;
        }
        List<VariableSpec> vars = catalog.ownVariables(cls, config, build).orElse(List.of());
        Saveable s = new Saveable(cls, env.name(), Saveable.Type.LAYER, vars, built,
                env.trainable());
        catalog.createdVariables(cls, config, build).ifPresent(s::created);
        s.checksCount(catalog.checksCount(cls, config));
        all.add(s);
        for (SubLayerSpec sub : catalog.subLayers(cls, config, build)) {
            Saveable child = subLayer(sub, built, env);
            s.add(sub.attribute(), child);
            for (String alias : catalog.attributeAliases(cls, sub.attribute())) {
                s.add(alias, child);
            }
        }
        return s;
    }

    private Saveable subLayer(SubLayerSpec sub, boolean built, Envelope parent) {
        JsonNode config = catalog.configOf(sub);
        JsonNode build = catalog.buildConfigOf(sub);
        String cls = sub.className();
        JsonNode inner = innerEnvelope(parent, sub);
        boolean builtIn = catalog.knows(cls) && (inner == null || catalog.isBuiltIn(cls,
                new Envelope(inner).module(), new Envelope(inner).hasModuleKey()
                        ? new Envelope(inner).registeredName() : null));
        if (!builtIn) {
            Saveable custom = new Saveable(cls, sub.name(), Saveable.Type.LAYER, null, built,
                    true);
            all.add(custom);
            return custom;
        }
        List<VariableSpec> vars = catalog.ownVariables(cls, config, build).orElse(List.of());
        Saveable s = new Saveable(cls, sub.name(), Saveable.Type.LAYER, vars, built,
                !config.has("trainable") || config.get("trainable").asBoolean(true));
        catalog.createdVariables(cls, config, build).ifPresent(s::created);
        s.checksCount(catalog.checksCount(cls, config));
        all.add(s);
        for (SubLayerSpec next : catalog.subLayers(cls, config, build)) {
            s.add(next.attribute(), subLayer(next, built, null));
        }
        return s;
    }

    /** The wrapped layer's own envelope inside the parent config (for its module), or null. */
    private static JsonNode innerEnvelope(Envelope parent, SubLayerSpec sub) {
        if (parent == null || parent.config() == null) {
            return null;
        }
        JsonNode c = parent.config();
        if (sub.attribute().equals("backward_layer") && Envelope.is(c.get("backward_layer"))) {
            return c.get("backward_layer");
        }
        if ((sub.attribute().equals("forward_layer") || sub.attribute().equals("backward_layer")
                || sub.attribute().equals("layer")) && Envelope.is(c.get("layer"))) {
            return c.get("layer");
        }
        if (sub.attribute().equals("cell") && Envelope.is(c.get("cell"))) {
            return c.get("cell");
        }
        return null;
    }

    /**
     * A custom class's config may carry its sub-layers (a subclassed model that serialises its
     * encoder): assume each is kept under the attribute named by its config key, and that a
     * model also lists them in its {@code layers} in config order.
     */
    private void customChildren(Saveable custom, Envelope env) {
        JsonNode config = env.config();
        if (config == null || !config.isObject()) {
            return;
        }
        List<Object> tracked = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (isLayerEnvelope(v)) {
                Saveable child = object(new Envelope(v), custom.built());
                custom.add(f.getKey(), child);
                tracked.add(child);
            } else if (v.isArray() && v.size() > 0) {
                List<Object> list = new ArrayList<>();
                for (JsonNode item : v) {
                    if (isLayerEnvelope(item)) {
                        list.add(object(new Envelope(item), custom.built()));
                    }
                }
                if (!list.isEmpty() && list.size() == v.size()) {
                    custom.add(f.getKey(), list);
                    tracked.addAll(list);
                }
            }
        }
        if (env.node().has("compile_config") && !tracked.isEmpty()) {
            custom.add("layers", tracked);
        }
    }

    private boolean isLayerEnvelope(JsonNode v) {
        if (!Envelope.is(v) || !v.get("config").isObject()) {
            return false;
        }
        Envelope e = new Envelope(v);
        return e.node().has("build_config") || e.layers() != null
                || (catalog.knows(e.className()) && e.config().has("name")
                && e.config().has("trainable"));
    }
}
