package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.catalog.FigureTable;
import dev.kerasview.catalog.ModelSummaries;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.ParamCount;
import dev.kerasview.model.VariableInfo;
import java.util.IdentityHashMap;
import java.util.Map;

/** Computes the summary figures of a config, with custom layers' variables from the drafts. */
final class TreeFigures {

    private TreeFigures() {
    }

    /** The figures of every layer of {@code modelEnvelope}, whose tree is {@code root}. */
    static FigureTable of(JsonNode modelEnvelope, Draft root) {
        Map<JsonNode, Draft> drafts = new IdentityHashMap<>();
        index(root, drafts);
        try {
            return compute(modelEnvelope, drafts);
        } catch (RuntimeException e) {
            // The figures are an extra: a config they cannot follow must not cost the tree.
            return new FigureTable();
        }
    }

    private static FigureTable compute(JsonNode modelEnvelope, Map<JsonNode, Draft> drafts) {
        return new ModelSummaries().compute(modelEnvelope, envelope -> {
            Draft d = drafts.get(envelope);
            if (d == null || d.group == null) {
                return null;
            }
            long n = storedElements(d);
            if (n == 0) {
                return ParamCount.ZERO;
            }
            // A built-in's variables carry the catalog's trainable flags; a custom one's do not.
            return d.kind == LayerKind.LAYER ? flagged(d) : ParamCount.totalOnly(n);
        });
    }

    private static void index(Draft d, Map<JsonNode, Draft> out) {
        if (d.config != null) {
            out.put(d.config.envelope(), d);
        }
        for (Draft c : d.children) {
            index(c, out);
        }
    }

    private static ParamCount flagged(Draft d) {
        long trainable = 0;
        long frozen = 0;
        for (VariableInfo v : d.variables) {
            if (v.trainable()) {
                trainable += v.elementCount();
            } else {
                frozen += v.elementCount();
            }
        }
        return ParamCount.of(trainable, frozen);
    }

    /** The draft's own variables and those of parts that no config describes. */
    private static long storedElements(Draft d) {
        long n = 0;
        for (VariableInfo v : d.variables) {
            n += v.elementCount();
        }
        for (Draft c : d.children) {
            if (c.config == null && c.kind != LayerKind.OPTIMIZER) {
                n += storedElements(c);
            }
        }
        return n;
    }
}
