package dev.kerasview.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code inspect} subcommand; replaced by its owner. */
@Command(name = "inspect")
public final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("inspect is not implemented yet");
    }
}
