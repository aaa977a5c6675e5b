package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Selected text meets WCAG AA (4.5:1) against the selection bars, computed from kerasview.css's colours. */
class ContrastTest {

    private static final double AA = 4.5;
    private static final Map<String, Map<String, String>> RULES = new HashMap<>();

    @BeforeAll
    static void parse() throws Exception {
        String css;
        try (InputStream in = new URL(KerasviewApplication.STYLESHEET).openStream()) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css);
        while (rule.find()) {
            Map<String, String> declarations = new HashMap<>();
            for (String d : rule.group(2).split(";")) {
                int colon = d.indexOf(':');
                if (colon > 0) {
                    declarations.put(d.substring(0, colon).strip(), d.substring(colon + 1).strip());
                }
            }
            for (String selector : rule.group(1).split(",")) {
                RULES.computeIfAbsent(selector.strip().replaceAll("\\s+", " "), k -> new HashMap<>()).putAll(declarations);
            }
        }
    }

    /** A declared colour, looked-up colours of .root resolved. */
    private static Color colour(String selector, String property) {
        String value = RULES.getOrDefault(selector, Map.of()).get(property);
        assertTrue(value != null, selector + " declares " + property);
        while (value.startsWith("-")) {
            value = RULES.get(".root").get(value);
        }
        return Color.web(value);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaIsWcags() {
        assertEquals(21.0, ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(4.48, ratio(Color.web("#777777"), Color.WHITE), 0.01);
    }

    @Test
    void aSelectedFindingReadsOnTheFocusedAndTheUnfocusedBar() {
        Color focused = colour(".root", "-fx-selection-bar");
        Color unfocused = colour(".root", "-fx-selection-bar-non-focused");
        for (String cell : new String[] {".list-cell.finding-warning:selected", ".list-cell.finding-error:selected", ".list-cell:selected"}) {
            Color text = colour(cell, "-fx-text-fill");
            assertTrue(ratio(text, focused) >= AA, cell + " on the focused bar: " + ratio(text, focused));
            assertTrue(ratio(text, unfocused) >= AA, cell + " on the unfocused bar: " + ratio(text, unfocused));
        }
    }

    @Test
    void anUnfocusedSelectedRowReads() {
        Color unfocused = colour(".root", "-fx-selection-bar-non-focused");
        Color text = colour(".tree-table-row-cell:selected .tree-table-cell", "-fx-text-fill");
        assertTrue(ratio(text, unfocused) >= AA, "white on the unfocused bar: " + ratio(text, unfocused));
        assertTrue(ratio(text, colour(".root", "-fx-selection-bar")) >= AA);
    }
}
