package dev.kerasview.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.config.KerasJson;
import dev.kerasview.diagnose.Compatibility;
import dev.kerasview.diagnose.CompatibilityChecker;
import dev.kerasview.diagnose.CompatibilitySummary;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kerasview compat FILE}: which modelled Keras versions would load the file. */
@Command(name = "compat", mixinStandardHelpOptions = true,
        description = "Predict, for each modelled Keras version, whether "
                + "keras.saving.load_model loads a file, and the first cause where it does not.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every modelled Keras version would load the file",
                "1:at least one would not", "2:bad arguments or no such file"})
public final class CompatCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PredictionInput input;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!input.exist(err)) {
            return KerasviewCommand.EXIT_USAGE;
        }
        Compatibility c = new CompatibilityChecker(new KerasVersionTable())
                .check(input.file, input.weights, DiagnoseCommand.LIMIT);
        if (input.json) {
            out.println(json(c));
        } else {
            text(out, c);
        }
        out.flush();
        boolean all = c.versions().stream().allMatch(v -> v.diagnosis().loads());
        return all ? DiagnoseCommand.EXIT_LOADS : DiagnoseCommand.EXIT_FAILS;
    }

    /** The modelled versions, for messages: "3.3.3, 3.6.0, ...". */
    static String modelled(KerasVersionTable versions) {
        return versions.releases().stream().map(r -> r.version().toString())
                .collect(Collectors.joining(", "));
    }

    static String json(Compatibility c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("file", c.file());
        ArrayNode versions = root.putArray("versions");
        for (Compatibility.VersionVerdict v : c.versions()) {
            ObjectNode o = versions.addObject();
            o.put("keras", v.keras().toString());
            o.put("loads", v.diagnosis().loads());
            DiagnosisJson.verdict(o, v.diagnosis());
        }
        return KerasJson.toCompactJson(root);
    }

    private static void text(PrintWriter out, Compatibility c) {
        out.println(c.file());
        for (Compatibility.VersionVerdict v : c.versions()) {
            Diagnosis d = v.diagnosis();
            String verdict;
            if (!d.loads()) {
                Finding first = d.errors().get(0);
                String message = first.message() == null ? first.code().id()
                        : first.message().lines().findFirst().orElse("");
                verdict = "fails  " + message;
            } else if (!d.requires().isEmpty()) {
                verdict = "loads if your code registers " + d.requires().stream()
                        .map(Diagnosis.Requirement::name).collect(Collectors.joining(", "));
            } else {
                verdict = "loads";
            }
            out.printf("  Keras %-8s %s%n", v.keras(), verdict);
        }
        CompatibilitySummary summary = CompatibilitySummary.of(c);
        out.println(summary.line());
        summary.convertTarget().ifPresent(t -> out.println("For Keras " + CompatibilitySummary.minor(t)
                + ": kerasview convert " + c.file() + " --to keras --target-keras " + CompatibilitySummary.minor(t)));
    }
}
