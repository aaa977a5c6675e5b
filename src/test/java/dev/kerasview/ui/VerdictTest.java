package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aFailingFileNamesTheNumberOfFailingLayers() {
        Verdict v = Verdict.of(false, TestModels.vaeFindings());
        assertEquals("Keras will fail to load this file: 2 layers", v.headline());
        assertEquals("z_mean, z_log_var · 1 warning", v.detail());
    }

    @Test
    void aLoadingFileSaysSoAndCountsWarnings() {
        assertEquals("Loads in Keras", Verdict.of(true, List.of()).headline());
        assertEquals("", Verdict.of(true, List.of()).detail());
        assertEquals("with 1 warning", Verdict.of(true, TestModels.vaeFindings().subList(2, 4)).detail());
    }

    @Test
    void aFailureWithoutLayersCountsErrors() {
        Verdict v = Verdict.of(false, List.of());
        assertEquals("Keras will fail to load this file", v.headline());
        assertEquals("", v.detail());
        assertEquals("1 error", Verdict.of(false, List.of(Finding.error(FindingCode.UNKNOWN_CLASS).className("X").message("m").cause("c").build())).detail());
    }
}
