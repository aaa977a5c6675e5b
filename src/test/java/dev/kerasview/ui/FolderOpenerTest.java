package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOpenerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    @Test
    void noOpenerOrAnOpenerThatFindsNoFileManagerIsReported() {
        assertThrows(FolderOpener.NoFileManagerException.class,
                () -> new FolderOpener(List.of(dir.resolve("no-such-opener").toString())).accept(dir));
        // xdg-open's answer when no program handles folders
        assertThrows(FolderOpener.NoFileManagerException.class, () -> new FolderOpener(List.of("false")).accept(dir));
        new FolderOpener(List.of("true")).accept(dir);
    }

    @Test
    void showInFolderSaysSoWhenNoFileManagerIsRegistered() throws Exception {
        Path input = Files.writeString(dir.resolve("mlp.keras"), "");
        ConversionViewModel vm = Fx.call(() -> new ConversionViewModel(input, null,
                (r, p, c) -> new ConversionOutcome(List.of(Files.writeString(r.output(), "")), "Verified."),
                new FolderOpener(List.of("false"))));
        Fx.run(() -> vm.convert(dev.kerasview.convert.ConversionTarget.H5));
        Fx.waitUntil(() -> !vm.successTextProperty().get().isEmpty(), 5000, "converted");
        Fx.run(vm::showInFolder);
        assertEquals("No file manager is registered to show folders (false found no program to show folders). "
                + "mlp.h5 is in " + dir.toAbsolutePath(), vm.folderNoticeProperty().get());
    }
}
