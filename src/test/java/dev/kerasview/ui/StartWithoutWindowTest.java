package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts that cannot open a window say why in one line and exit 2. */
class StartWithoutWindowTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run kerasview(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kerasview.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayAFileIsNotOpenedAndTheLineSaysWhatToDo() throws Exception {
        Path model = Files.writeString(dir.resolve("vae.keras"), "");
        Run r = kerasview(model.toString());
        assertEquals(2, r.exit());
        assertEquals("kerasview: no display to open the window on; use 'kerasview inspect FILE' or "
                + "'kerasview diagnose FILE', or set DISPLAY\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMistypedSubcommandIsNamedNotOpened() throws Exception {
        Run r = kerasview("diagnos", "x.keras");
        assertEquals(2, r.exit());
        assertEquals("kerasview: unknown command 'diagnos' (did you mean 'diagnose'?)\n", r.err());
    }

    @Test
    void aFileNamedLikeACommandIsAFile() throws Exception {
        Files.writeString(dir.resolve("convrt"), "");
        assertEquals(Optional.empty(), dev.kerasview.cli.KerasviewCommand.mistypedSubcommand(dir.resolve("convrt").toString()));
        assertEquals(Optional.of("kerasview: unknown command 'inspekt' (did you mean 'inspect'?)"),
                dev.kerasview.cli.KerasviewCommand.mistypedSubcommand("inspekt"));
        assertEquals(Optional.empty(), dev.kerasview.cli.KerasviewCommand.mistypedSubcommand("model.keras"));
    }

    @Test
    void aDisplayIsNeededOnlyOnLinuxWithoutMonocle() {
        assertTrue(KerasviewApp.missingDisplay(Map.of(), "Linux", null).isPresent());
        assertEquals(Optional.empty(), KerasviewApp.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertEquals(Optional.empty(), KerasviewApp.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertEquals(Optional.empty(), KerasviewApp.missingDisplay(Map.of(), "Mac OS X", null));
        assertEquals(Optional.empty(), KerasviewApp.missingDisplay(Map.of(), "Linux", "Monocle"));
    }
}
