package dev.kerasview.diagnose;

import static dev.kerasview.model.FindingCode.NEVER_BUILT;
import static dev.kerasview.model.FindingCode.SHAPE_MISMATCH;
import static dev.kerasview.model.FindingCode.UNREADABLE_DTYPE;
import static dev.kerasview.model.FindingCode.VARIABLE_COUNT;

import dev.kerasview.config.SnakeCase;
import dev.kerasview.catalog.VariableSpec;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras 3.15.1's load walk ({@code saving_lib._load_state}) replayed over the objects rebuilt from
 * the config and the structure of the weights store: the path of every object, the per-object
 * checks, failures recorded instead of raised, the retry rule that erases a failure when the
 * object loads at a later path, and the probe of nested containers missing from the file.
 */
final class LoadWalk {

    /** Why an object could not be loaded, in Keras's words. */
    record Failure(Saveable object, String path, FindingCode code, String message, Object expected,
                   Object found) {
    }

    /** A failure that a later successful path erased: the weights at {@code path} were ignored. */
    record Dropped(Saveable object, String path, int storedVariables) {
    }

    /** An optimizer whose saved state Keras skips with a warning. */
    record OptimizerSkip(Saveable optimizer, int expected, int found) {
    }

    /** Everything the walk observed. */
    record Result(List<Failure> failures, List<Dropped> dropped, List<OptimizerSkip> optimizer,
                  List<String> skippedContainers, Set<String> readPaths,
                  Set<String> claimedSubtrees, Map<Saveable, String> firstPaths) {
    }

    private final WeightsStore store;
    private final Set<Saveable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> visitedContainers =
            Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Saveable, Failure> firstFailure = new IdentityHashMap<>();
    private final List<Dropped> dropped = new ArrayList<>();
    private final List<OptimizerSkip> optimizer = new ArrayList<>();
    private final List<String> skippedContainers = new ArrayList<>();
    private final Set<String> readPaths = new LinkedHashSet<>();
    private final Set<String> claimedSubtrees = new LinkedHashSet<>();
    private final Map<Saveable, String> firstPaths = new IdentityHashMap<>();

    private LoadWalk(H5Group weights) {
        this.store = new WeightsStore(weights);
    }

    /** Walks the model from path "" and returns what Keras would report. */
    static Result run(Saveable model, H5Group weights) {
        LoadWalk walk = new LoadWalk(weights);
        Map<Saveable, Failure> failed = new LinkedHashMap<>();
        walk.load(model, "", failed);
        return new Result(List.copyOf(failed.values()), List.copyOf(walk.dropped),
                List.copyOf(walk.optimizer), List.copyOf(walk.skippedContainers),
                Set.copyOf(walk.readPaths), Set.copyOf(walk.claimedSubtrees),
                Collections.unmodifiableMap(walk.firstPaths));
    }

    private void load(Saveable object, String path, Map<Saveable, Failure> failed) {
        if (visited.contains(object)) {
            return;
        }
        Failure failure = loadOwnVariables(object, path);
        if (failure != null) {
            firstFailure.putIfAbsent(object, failure);
            // Keras keeps the latest message; the first path is where its weights were expected.
            Failure first = firstFailure.get(object);
            failed.put(object, new Failure(object, first.path(), failure.code(),
                    failure.message(), failure.expected(), failure.found()));
        }
        int before = failed.size();
        for (Saveable.Attribute a : object.walkOrder()) {
            String childPath = join(path, a.name());
            if (a.value() instanceof Saveable child) {
                load(child, childPath, failed);
            } else if (a.value() instanceof List<?> list) {
                loadContainer(list, childPath, failed);
            }
        }
        int newlyFailed = failed.size() - before;
        if (failure == null) {
            if (newlyFailed <= 0) {
                visited.add(object);
            }
            if (failed.containsKey(object)) {
                failed.remove(object);
                Failure first = firstFailure.get(object);
                if (first != null && first.found() instanceof Long n && n > 0) {
                    dropped.add(new Dropped(object, first.path(), n.intValue()));
                }
            }
        }
    }

    private void loadContainer(List<?> container, String path, Map<Saveable, Failure> failed) {
        if (visitedContainers.contains(container)) {
            return;
        }
        visitedContainers.add(container);
        Map<String, Integer> used = new HashMap<>();
        for (Object element : container) {
            if (element instanceof Saveable child) {
                String name = uniqueName(SnakeCase.of(child.className()), used);
                load(child, join(path, name), failed);
            } else if (element instanceof List<?> nested) {
                String nestedPath = join(path, uniqueName("container", used));
                if (!store.has(nestedPath)) {
                    Map<Saveable, Failure> probe = new LinkedHashMap<>();
                    loadContainer(nested, nestedPath, probe);
                    if (!probe.isEmpty()) {
                        skippedContainers.add(nestedPath);
                    }
                    continue;
                }
                loadContainer(nested, nestedPath, failed);
            }
        }
    }

    /** {@code load_own_variables}: null when it succeeds. */
    private Failure loadOwnVariables(Saveable object, String path) {
        String resolved = store.resolvedPath(path);
        if (resolved != null) {
            readPaths.add(resolved);
        }
        firstPaths.putIfAbsent(object, resolved != null ? resolved : path);
        Optional<H5Group> vars = store.vars(path);
        if (vars.isPresent() && vars.get().problem() != null) {
            // The group could not be read here; Keras can, so nothing is predicted for it.
            claimedSubtrees.add(resolved != null ? resolved : path);
            return null;
        }
        int keys = vars.map(WeightsStore::keyCount).orElse(0);
        if (object.type() == Saveable.Type.OPTIMIZER) {
            int expected = object.optimizerVariables();
            if (expected >= 0 && expected != keys) {
                optimizer.add(new OptimizerSkip(object, expected, keys));
            }
            return null;
        }
        if (!object.known()) {
            // Custom code decides what it creates and reads; its subtree is its own.
            claimedSubtrees.add(resolved != null ? resolved : path);
            return null;
        }
        List<VariableSpec> expected = object.variables();
        if (keys != expected.size() && (object.checksCount() || keys < expected.size())) {
            if (expected.isEmpty() && !object.built()) {
                return new Failure(object, path, NEVER_BUILT, neverBuilt(object.name(), keys),
                        0L, (long) keys);
            }
            return new Failure(object, path, VARIABLE_COUNT,
                    "Layer '" + object.name() + "' expected " + expected.size()
                            + " variables, but received " + keys
                            + " variables during loading. Expected: " + names(expected),
                    (long) expected.size(), (long) keys);
        }
        if (vars.isEmpty()) {
            return null;
        }
        List<H5Dataset> datasets = WeightsStore.ordered(vars.get());
        for (int i = 0; i < expected.size() && i < datasets.size(); i++) {
            VariableSpec spec = expected.get(i);
            H5Dataset d = datasets.get(i);
            if (spec.shape() != null && !spec.shape().equals(d.shape())) {
                return new Failure(object, path, SHAPE_MISMATCH,
                        "The shape of the target variable and the shape of the target value in "
                                + "`variable.assign(value)` must match. variable.shape="
                                + PythonShapes.tuple(spec.shape()) + ", Received: value.shape="
                                + PythonShapes.tuple(d.shape()) + ". Target variable: "
                                + object.name() + "/" + spec.name(),
                        spec.shape(), d.shape());
            }
            if ("opaque".equals(d.dtype()) && !"bfloat16".equals(d.attributes().get("dtype"))) {
                return new Failure(object, path, UNREADABLE_DTYPE,
                        "No cast function available.", null, d.dtype());
            }
        }
        return null;
    }

    static String neverBuilt(String name, int keys) {
        return "Layer '" + name + "' was never built and thus it doesn't have any variables. "
                + "However the weights file lists " + keys + " variables for this layer.\n"
                + "In most cases, this error indicates that either:\n\n"
                + "1. The layer is owned by a parent layer that implements a `build()` method, "
                + "but calling the parent's `build()` method did NOT create the state of the "
                + "child layer '" + name + "'. A `build()` method must create ALL state for the "
                + "layer, including the state of any children layers.\n\n"
                + "2. You need to implement the `def build_from_config(self, config)` method on "
                + "layer '" + name + "', to specify how to rebuild it during loading.";
    }

    static String names(List<VariableSpec> vars) {
        List<String> quoted = new ArrayList<>();
        for (VariableSpec v : vars) {
            quoted.add("'" + v.name() + "'");
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    static String uniqueName(String base, Map<String, Integer> used) {
        if (used.containsKey(base)) {
            int n = used.get(base) + 1;
            used.put(base, n);
            return base + "_" + n;
        }
        used.put(base, 0);
        return base;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }
}
