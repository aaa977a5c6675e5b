package dev.kerasview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes are part of the {@code diagnose --json} contract: none may be renamed or dropped. */
class FindingCodeTest {

    private static final List<String> CONTRACT = List.of(
            "UNREADABLE", "NOT_A_MODEL", "WRONG_SUFFIX", "SUFFIX_MISMATCH", "NO_ARCHITECTURE",
            "NO_WEIGHTS", "NOT_KERAS_WEIGHTS", "INVALID_CONFIG", "BAD_METADATA",
            "DUPLICATE_ENTRY", "UNSAFE_ENTRY_NAME", "ZIP_BOMB", "ENTRY_OUT_OF_BOUNDS",
            "UNSUPPORTED_METHOD", "MISSING_WEIGHTS", "DAMAGED_WEIGHTS", "DAMAGED_GROUP",
            "NPZ_WEIGHTS", "MISSING_SHARD", "SHARD_LACKS_GROUP", "VARIABLE_COUNT", "SHAPE_MISMATCH",
            "UNREADABLE_DTYPE", "NEVER_BUILT", "UNBUILT_AT_SAVE", "WEIGHTS_IGNORED",
            "LORA_ALPHA_RESET", "ORPHAN_WEIGHTS", "NESTED_CONTAINER",
            "OPTIMIZER_STATE", "UNKNOWN_CLASS", "CUSTOM_OBJECT", "MODULE_NOT_FOUND", "LAMBDA",
            "UNRECOGNIZED_ARGUMENT", "MISSING_ARGUMENT", "FUNCTION_ARGUMENT", "LEGACY_SEQUENTIAL_LIST",
            "LEGACY_COMPILE", "NOT_COMPILED", "LEGACY_ORDER_UNCHECKED", "NO_LAYER_NAMES",
            "LAYER_COUNT", "WEIGHT_COUNT", "INTERNAL_ERROR");

    @Test
    void theJsonIdentifiersAreExactlyTheContractsCodes() {
        assertEquals(CONTRACT, Arrays.stream(FindingCode.values()).map(FindingCode::id).toList());
    }

    @Test
    void aBuilderLeavesWhatItIsNotGivenNull() {
        Finding f = Finding.warning(FindingCode.ORPHAN_WEIGHTS).path("p").found(3L)
                .message("m").build();
        assertEquals(new Finding(Severity.WARNING, FindingCode.ORPHAN_WEIGHTS, null, null, "p",
                null, 3L, "m", null, List.of()), f);
    }
}
