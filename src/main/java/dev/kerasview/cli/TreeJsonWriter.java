package dev.kerasview.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.Int4Packing;
import dev.kerasview.catalog.LayerPrecision;
import dev.kerasview.config.KerasJson;
import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerFigures;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.ModelFile;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code inspect --json} form of a model (DESIGN.md command-line contract). */
final class TreeJsonWriter {

    // KerasJson's mapper writes as deep as configs may nest; a plain one stops at 1000 levels
    private static final ObjectMapper MAPPER = KerasJson.mapper();

    private final TensorStore tensors;
    private final boolean stats;

    TreeJsonWriter(TensorStore tensors, boolean stats) {
        this.tensors = tensors;
        this.stats = stats;
    }

    String write(ModelFile m) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("file", m.file().getFileName().toString());
        if (m.weightsFile() != null) {
            o.put("weights", m.weightsFile().getFileName().toString());
        }
        o.put("format", m.format().id());
        o.put("kerasVersion", m.kerasVersion());
        o.put("backend", m.backend());
        o.put("dateSaved", m.dateSaved());
        o.put("weightsLayout", m.weightsLayout().name().toLowerCase(Locale.ROOT));
        o.set("model", layer(m.root()));
        ArrayNode problems = o.putArray("problems");
        for (Finding f : m.problems()) {
            ObjectNode p = problems.addObject();
            p.put("severity", f.severity().id());
            p.put("code", f.code().id());
            p.put("path", f.path());
            p.put("message", f.message());
        }
        return MAPPER.writeValueAsString(o);
    }

    /** dtypePolicy, dtypePolicyMap, quantization and lora, each where the config says it. */
    private static void putPrecision(ObjectNode o, LayerPrecision p) {
        if (p.policy() != null) {
            o.put("dtypePolicy", p.policy());
        }
        if (!p.policyMap().isEmpty()) {
            ObjectNode map = o.putObject("dtypePolicyMap");
            p.policyMap().forEach(map::put);
        }
        if (p.quantization() != null) {
            o.put("quantization", p.quantization());
        }
        if (p.loraRank() != null) {
            ObjectNode lora = o.putObject("lora");
            lora.put("rank", p.loraRank());
            lora.put("alpha", p.loraAlpha());
        }
    }

    private ObjectNode layer(LayerNode n) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", n.name());
        o.put("className", n.className());
        o.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        o.put("path", n.path());
        if (n.registeredName() != null) {
            o.put("registeredName", n.registeredName());
        }
        if (n.inboundCalls() > 1) {
            o.put("calls", n.inboundCalls());
        }
        if (n.problem() != null) {
            o.put("problem", n.problem());
        }
        figures(o, n.figures() == null ? LayerFigures.UNKNOWN : n.figures());
        LayerPrecision p = LayerPrecisions.of(n);
        if (p != null) {
            putPrecision(o, p);
        }
        ArrayNode vars = o.putArray("variables");
        for (VariableInfo v : n.variables()) {
            ObjectNode x = vars.addObject();
            x.put("name", v.name());
            ArrayNode shape = x.putArray("shape");
            v.shape().forEach(shape::add);
            x.put("dtype", v.dtype());
            x.put("path", v.path());
            if (v.file() != null) {
                x.put("file", v.file());
            }
            x.put("trainable", v.trainable());
            if (stats) {
                VariableStats s = tensors.statistics(v, 0);
                x.put("sum", s.sum());
                x.put("min", s.min());
                x.put("max", s.max());
                x.put("mean", s.mean());
                x.put("std", s.std());
                Optional<Int4Packing> packing = LayerPrecisions.int4(n, v);
                if (packing.isPresent()) {
                    // Keras's own view of the variable is the packed bytes above; this is the int4 values
                    VariableStats u = tensors.int4Statistics(v, packing.get().originalLastDim());
                    ObjectNode i = x.putObject("int4");
                    i.put("count", u.count());
                    i.put("sum", u.sum());
                    i.put("min", u.min());
                    i.put("max", u.max());
                    i.put("mean", u.mean());
                    i.put("std", u.std());
                }
            }
        }
        ArrayNode kids = o.putArray("layers");
        for (LayerNode c : n.children()) {
            kids.add(layer(c));
        }
        return o;
    }

    /** outputShape (one shape, a list of shapes, or null), params and macs; null = unknown. */
    private static void figures(ObjectNode o, LayerFigures f) {
        if (!f.shapeKnown()) {
            o.putNull("outputShape");
        } else if (f.outputShapes().size() == 1) {
            o.set("outputShape", shape(f.outputShapes().get(0)));
        } else {
            ArrayNode list = o.putArray("outputShape");
            f.outputShapes().forEach(s -> list.add(shape(s)));
        }
        ObjectNode p = o.putObject("params");
        p.put("total", f.params().total());
        p.put("trainable", f.params().trainable());
        p.put("nonTrainable", f.params().nonTrainable());
        o.put("macs", f.macs());
    }

    private static ArrayNode shape(List<Long> dims) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Long d : dims) {
            if (d == null) {
                a.addNull();
            } else {
                a.add(d);
            }
        }
        return a;
    }
}
