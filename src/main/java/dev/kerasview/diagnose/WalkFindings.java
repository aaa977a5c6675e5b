package dev.kerasview.diagnose;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Turns what the load walk observed into findings with causes and remedies. */
final class WalkFindings {

    private final H5Group weights;

    WalkFindings(H5Group weights) {
        this.weights = weights;
    }

    List<Finding> of(LoadWalk.Result r) {
        List<Finding> out = new ArrayList<>();
        for (LoadWalk.Failure f : r.failures()) {
            out.add(failure(f, storedElsewhere(f, r)));
        }
        for (LoadWalk.Dropped d : r.dropped()) {
            out.add(Finding.warning(FindingCode.WEIGHTS_IGNORED)
                    .layer(d.object().name()).className(d.object().className()).path(d.path())
                    .expected(0L).found((long) d.storedVariables())
                    .message("Layer '" + d.object().name() + "' loads without error, but the "
                            + d.storedVariables() + " variables stored at '" + d.path()
                            + "' are not loaded: the layer is not built when Keras reaches them.")
                    .cause("The layer is reachable at two paths; it fails at the one holding its "
                            + "weights and 'succeeds' at an empty one, which erases the error.")
                    .remedies(Remedies.BUILD_BEFORE_SAVE, Remedies.CONVERT)
                    .build());
        }
        for (LoadWalk.OptimizerSkip o : r.optimizer()) {
            String msg = "Skipping variable loading for optimizer '" + o.optimizer().name()
                    + "', because it has " + o.expected() + " variables whereas the saved "
                    + "optimizer has " + o.found() + " variables. "
                    + (o.expected() == 0 ? "This is likely because the optimizer has not been "
                    + "called/built yet." : "");
            out.add(Finding.warning(FindingCode.OPTIMIZER_STATE)
                    .className(o.optimizer().className()).path("optimizer")
                    .expected((long) o.expected()).found((long) o.found())
                    .message(msg.strip())
                    .cause(optimizerCause(o))
                    .remedies(Remedies.IGNORE_OPTIMIZER, Remedies.NO_COMPILE)
                    .build());
        }
        for (String path : r.skippedContainers()) {
            out.add(Finding.warning(FindingCode.NESTED_CONTAINER)
                    .path(path)
                    .message("Skipping nested container at '" + path + "': no matching group "
                            + "found in the saved file. This usually means the file was saved "
                            + "with a Keras version that did not serialize sublayers nested "
                            + "inside containers. Affected layers will retain their "
                            + "freshly-initialized weights.")
                    .cause("Layers held in a nested list have no group in the file.")
                    .remedies(Remedies.RESAVE)
                    .build());
        }
        out.addAll(new OrphanGroups(weights).find(r.readPaths(), r.claimedSubtrees()));
        return out;
    }

    /**
     * Where the file holds the weights of a layer of the same name and class that Keras reads
     * elsewhere (the VAE's z_mean saved once under its encoder), or null: the walk reads that copy
     * as a separate object, so the failing one finds nothing at its own path.
     */
    private String storedElsewhere(LoadWalk.Failure f, LoadWalk.Result r) {
        if (!Long.valueOf(0).equals(f.found()) || !(f.expected() instanceof Number n)) {
            return null;
        }
        WeightsStore store = new WeightsStore(weights);
        for (var e : r.firstPaths().entrySet()) {
            Saveable other = e.getKey();
            if (other != f.object() && f.object().name().equals(other.name())
                    && f.object().className().equals(other.className()) && !e.getValue().equals(f.path())
                    && store.vars(e.getValue()).map(WeightsStore::keyCount).orElse(0) == n.intValue()) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Finding failure(LoadWalk.Failure f, String storedElsewhere) {
        String cause = storedElsewhere != null
                ? "Keras looks for the layer's weights at '" + f.path() + "', where the file has none. The file "
                + "holds them once, at '" + storedElsewhere + "', under the other object that uses the same "
                + "layer; Keras rebuilds the two as separate layers and fills only that one."
                : switch (f.code()) {
            case NEVER_BUILT -> "Keras rebuilds the layer without building it, so it has no "
                    + "variables, yet the file stores some for it.";
            case SHAPE_MISMATCH -> "The layer Keras rebuilds from the config has a variable of "
                    + "another shape than the one stored in the file.";
            case UNREADABLE_DTYPE -> "A stored variable has a type Keras cannot convert "
                    + "(2-byte opaque data without the bfloat16 tag).";
            default -> Long.valueOf(0).equals(f.found())
                    ? "Keras looks for the layer's weights at '" + f.path() + "', where the file "
                    + "has none: the weights were saved elsewhere or never saved (the layer was "
                    + "unbuilt, or the config rebuilds it as a separate object)."
                    : "The file stores a different number of variables for the layer than the "
                    + "layer Keras rebuilds from the config creates.";
        };
        List<String> remedies = switch (f.code()) {
            case NEVER_BUILT -> List.of(Remedies.BUILD_BEFORE_SAVE, Remedies.CONVERT);
            default -> List.of(Remedies.CONVERT, Remedies.BUILD_BEFORE_SAVE,
                    Remedies.SKIP_MISMATCH);
        };
        return Finding.error(f.code())
                .layer(f.object().name()).className(f.object().className()).path(f.path())
                .expected(f.expected()).found(f.found())
                .message(f.message())
                .cause(cause)
                .remedies(remedies)
                .build();
    }

    private static String optimizerCause(LoadWalk.OptimizerSkip o) {
        if (o.found() <= 2) {
            return "The model was compiled but never trained before saving, so the file holds "
                    + "no optimizer state worth restoring.";
        }
        if (o.expected() > o.found()) {
            return "The rebuilt model has more trainable variables than the optimizer had when it "
                    + "was built (layers unbuilt at save time, rebuilt copies, or a different "
                    + "optimizer), so the saved state is discarded.";
        }
        return "The saved optimizer state does not match the optimizer Keras creates from the "
                + "compile config (another optimizer or fewer trainable variables), so it is "
                + "discarded.";
    }
}
