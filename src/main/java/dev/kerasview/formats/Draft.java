package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.KerasJson;
import dev.kerasview.config.LayerConfig;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.List;

/** A layer node while the tree is being assembled (mutable, local to one build). */
final class Draft {

    String name;
    String className;
    String registeredName;
    String module;
    LayerKind kind;
    /** Where Keras's save walk puts the layer's group, or null (an op, a Sequential's input). */
    String predictedPath;
    /** The group whose variables this node shows, once resolved. */
    H5Group group;
    LayerConfig config;
    /** Config to name variables by, when it differs from {@link #config} (an RNN cell). */
    JsonNode namingConfig;
    String namingClass;
    int inboundCalls;
    String problem;
    final List<VariableInfo> variables = new ArrayList<>();
    final List<Draft> children = new ArrayList<>();

    static Draft of(LayerConfig lc, LayerKind kind, String predictedPath) {
        Draft d = new Draft();
        d.name = lc.name();
        d.className = lc.className();
        d.registeredName = lc.registeredName();
        d.module = lc.module();
        d.kind = kind;
        d.predictedPath = predictedPath;
        d.config = lc;
        d.inboundCalls = lc.inboundCalls();
        return d;
    }

    LayerNode toNode() {
        List<LayerNode> kids = new ArrayList<>();
        for (Draft c : children) {
            kids.add(c.toNode());
        }
        String path = group == null ? null : group.path();
        String json = config == null ? null : KerasJson.toPythonJson(config.envelope());
        return new LayerNode(name, className, registeredName, module, kind, path, json, null,
                inboundCalls, variables, kids, problem);
    }
}
