package dev.kerasview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNodeTest {

    @Test
    void allVariablesListsOwnVariablesBeforeEachChildsInTreeOrder() throws Exception {
        try (OpenModel m = ModelReader.open(Path.of("src/test/resources/fixtures/functional_nested/functional_nested.keras"), null)) {
            LayerNode root = m.model().root();
            List<VariableInfo> all = root.allVariables();
            assertEquals(root.byteSize(), all.stream().mapToLong(VariableInfo::byteSize).sum());
            assertEquals(root.parameterCount(), all.stream().mapToLong(VariableInfo::elementCount).sum());
            LayerNode withChildren = root.children().stream().filter(c -> !c.children().isEmpty()).findFirst()
                    .orElseThrow();
            List<VariableInfo> nested = withChildren.allVariables();
            int at = all.indexOf(nested.get(0));
            assertEquals(nested, all.subList(at, at + nested.size()), "a subtree's variables stay together");
        }
    }
}
