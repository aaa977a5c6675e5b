package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's stylesheet ships twice: as CSS text and, beside it, in JavaFX's binary form,
 * which JavaFX loads instead when it is there (the build writes it with JavaFX's Css2Bin, as
 * modena.bss is made). The binary form must be the current text's, or the window would look
 * different from what kerasview.css says.
 */
class StylesheetTest {

    @TempDir
    Path dir;

    @Test
    void theBinaryFormBesideTheStylesheetIsTheConversionOfItsCurrentText() throws Exception {
        URL bss = KerasviewApplication.class.getResource("kerasview.bss");
        assertNotNull(bss, "kerasview.bss is missing beside kerasview.css: the build's binary-stylesheet step did not run");
        Path css = dir.resolve("kerasview.css");
        try (InputStream in = new URL(KerasviewApplication.STYLESHEET).openStream()) {
            Files.copy(in, css);
        }
        File converted = dir.resolve("kerasview.bss").toFile();
        // in a JVM of its own, as the build does: the binary form numbers pseudo-classes in the
        // order a JVM first meets them, which in this one depends on the tests run before
        Process convert = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.sun.javafx.css.parser.Css2Bin",
                css.toString(), converted.toString()).redirectErrorStream(true).start();
        String output = new String(convert.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, convert.waitFor(), "Css2Bin failed: " + output);

        byte[] shipped;
        try (InputStream in = bss.openStream()) {
            shipped = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(converted.toPath()), shipped,
                "kerasview.bss is not the conversion of kerasview.css: rebuild (mvn process-classes)");
    }

    @Test
    void theBinaryFormHoldsEveryRuleOfTheText() throws Exception {
        Stylesheet text = new CssParser().parse(new URL(KerasviewApplication.STYLESHEET));
        Stylesheet binary = Stylesheet.loadBinary(KerasviewApplication.class.getResource("kerasview.bss"));
        assertTrue(text.getRules().size() > 20, "kerasview.css parsed to only " + text.getRules().size() + " rules");
        assertArrayEquals(
                text.getRules().stream().map(r -> r.getSelectors().toString() + r.getDeclarations().size()).toArray(),
                binary.getRules().stream().map(r -> r.getSelectors().toString() + r.getDeclarations().size()).toArray());
    }
}
