package dev.kerasview.convert;

import dev.kerasview.formats.OpenModel;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.util.ArrayList;
import java.util.List;

/** Every variable of an opened model's layer tree, depth first. */
final class ModelVariables {

    private ModelVariables() {
    }

    static List<VariableInfo> of(OpenModel m) {
        List<VariableInfo> out = new ArrayList<>();
        collect(m.model().root(), out);
        return out;
    }

    private static void collect(LayerNode n, List<VariableInfo> out) {
        out.addAll(n.variables());
        n.children().forEach(c -> collect(c, out));
    }
}
