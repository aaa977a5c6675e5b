package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.model.Finding;
import dev.kerasview.model.Severity;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {

    private final LayerTreeViewModel tree = new LayerTreeViewModel(new LayerIndex(TestModels.vaeTree(), TestModels.vaeFindings()));
    private final FindingsViewModel vm = new FindingsViewModel(TestModels.vaeFindings(), tree);

    @Test
    void listsEveryFindingErrorsFirst() {
        assertEquals(4, vm.findings().size());
        assertEquals(Severity.ERROR, vm.findings().get(0).severity());
        assertEquals(Severity.INFO, vm.findings().get(3).severity());
    }

    @Test
    void selectingAFindingSelectsItsLayerAndShowsMessageCauseAndRemedies() {
        Finding zLogVar = vm.findings().get(1);
        vm.selectedFindingProperty().set(zLogVar);
        assertSame(tree.index().root().children().get(3).node(), tree.selectedLayerProperty().get());
        assertEquals("Layer 'z_log_var' expected 2 variables, but received 0 variables during loading", vm.messageProperty().get());
        assertEquals("Same as z_mean.", vm.causeProperty().get());
        assertEquals("• Convert to .h5", vm.remediesProperty().get());
        assertTrue(vm.locationProperty().get().contains("expected 2, found 0"));
    }

    @Test
    void aFileLevelFindingLeavesTheSelectionAlone() {
        vm.selectedFindingProperty().set(vm.findings().get(2));
        assertNull(tree.selectedLayerProperty().get());
        assertEquals("• Recompile after loading", vm.remediesProperty().get());
    }
}
