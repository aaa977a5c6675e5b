package dev.kerasview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParsedJsonTest {

    @Test
    void theTreeIsGivenToWhoeverAsksForItsType() {
        Map<String, Object> tree = Map.of("class_name", "Sequential");
        ParsedJson p = ParsedJson.of(tree);
        assertSame(tree, p.tree(Map.class).orElseThrow());
        assertEquals(Optional.empty(), p.tree(String.class));
    }

    @Test
    void noTreeGivesNothingOfAnyType() {
        assertEquals(Optional.empty(), ParsedJson.none().tree(Object.class));
        assertThrows(NullPointerException.class, () -> ParsedJson.of(null));
    }

    @Test
    void holdersOfEqualTreesAreEqualAndPrintShort() {
        List<String> big = List.of("x".repeat(10_000));
        assertEquals(ParsedJson.of(big), ParsedJson.of(List.copyOf(big)));
        assertTrue(ParsedJson.of(big).toString().length() < 40);
    }

    @Test
    void aModelBuiltWithoutATreeHasNone() {
        ModelFile m = new ModelFile(Path.of("m.keras"), null, FileFormat.KERAS_ARCHIVE, null, null,
                null, 0, null, "{}", null, WeightsLayout.NONE, null, List.of(), List.of());
        assertSame(ParsedJson.none(), m.parsedConfig());
        ModelFile n = new ModelFile(Path.of("m.keras"), null, FileFormat.KERAS_ARCHIVE, null, null,
                null, 0, null, "{}", null, null, WeightsLayout.NONE, null, List.of(), List.of());
        assertSame(ParsedJson.none(), n.parsedConfig());
    }
}
