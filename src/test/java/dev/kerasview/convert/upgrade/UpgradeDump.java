package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.config.KerasJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Developer tool, not a test: upgrades each file given and writes {@code <out>/<file>.upgraded.json}
 * (with compile_config) or {@code .refused.txt}, for the Keras oracle script to load
 * (src/test/resources/upgrade/oracle/check_upgraded.py).
 */
public final class UpgradeDump {

    private UpgradeDump() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        boolean sigmoid = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--sigmoid")) {
                sigmoid = true;
                continue;
            }
            Path file = Path.of(args[i]);
            String stem = Corpus.truthStem(file, sigmoid);
            try {
                LegacyInput in = sigmoid ? LegacyInput.read(file).withSigmoid() : LegacyInput.read(file);
                sigmoid = false;
                ConfigUpgrader up = new ConfigUpgrader();
                UpgradedConfig result = up.upgrade(in.modelConfig(), in.source());
                ObjectNode root = ((ObjectNode) result.config()).deepCopy();
                java.util.List<String> notes = new java.util.ArrayList<>(result.notes());
                if (in.trainingConfig() != null) {
                    var compile = up.upgradeTraining(in.trainingConfig(), notes);
                    if (compile != null) {
                        root.set("compile_config", compile);
                    }
                }
                Files.writeString(out.resolve(stem + ".upgraded.json"), KerasJson.toPythonJson(root), StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder();
                notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
                result.recipes().forEach((k, v) -> sb.append("recipe: ").append(k).append(" ").append(v).append('\n'));
                result.requiredCustomNames().forEach(n -> sb.append("custom: ").append(n).append('\n'));
                Files.writeString(out.resolve(stem + ".notes.txt"), sb.toString(), StandardCharsets.UTF_8);
                System.out.println("OK " + file);
            } catch (UpgradeRefusedException e) {
                Files.writeString(out.resolve(stem + ".refused.txt"), e.reason() + " " + e.names() + "\n" + e.getMessage() + "\n",
                        StandardCharsets.UTF_8);
                System.out.println("REFUSED " + e.reason() + " " + file + ": " + e.getMessage());
            }
        }
    }
}
