package dev.kerasview.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One committed summary truth (src/test/resources/summary-truth, made by make_truths.py with
 * Keras 3.15.1): the model line, one line per layer, and Keras's printed totals.
 *
 * @param header    the first line, naming the Keras version and the files
 * @param model     the model's figures
 * @param layers    every layer, nested models' layers included, depth first
 * @param printed   the figures of the summary's closing lines ("Total params: 206 ..."), by label
 */
record SummaryTruth(String header, JsonNode model, List<JsonNode> layers,
                    Map<String, Long> printed) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOTAL = Pattern.compile("^\\|\\s+([A-Za-z-]+) params: ([0-9,]+) ");

    static SummaryTruth read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        JsonNode model = null;
        List<JsonNode> layers = new ArrayList<>();
        Map<String, Long> printed = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("model ")) {
                model = JSON.readTree(line.substring(6));
            } else if (line.startsWith("layer ")) {
                layers.add(JSON.readTree(line.substring(6)));
            } else {
                Matcher m = TOTAL.matcher(line);
                if (m.find()) {
                    printed.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
                }
            }
        }
        return new SummaryTruth(lines.get(0), model, layers, printed);
    }
}
