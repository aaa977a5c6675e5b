package dev.kerasview;

import dev.kerasview.cli.KerasviewCommand;
import dev.kerasview.ui.KerasviewApp;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point: a subcommand runs headless, anything else opens the window.
 * A plain class, because a class extending {@code Application} cannot be a class-path main.
 */
public final class Main {

    private static final Set<String> HEADLESS = Set.of(
            "inspect", "diagnose", "compat", "convert", "--help", "-h", "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && HEADLESS.contains(args[0])) {
            System.exit(KerasviewCommand.run(args));
        }
        Optional<String> refusal = args.length == 0 ? Optional.empty() : KerasviewCommand.mistypedSubcommand(args[0]);
        if (refusal.isEmpty()) {
            refusal = KerasviewApp.missingDisplay();
        }
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(KerasviewCommand.EXIT_USAGE);
        }
        KerasviewApp.launchWindow(args);
    }
}
