package dev.kerasview.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code diagnose} subcommand; replaced by its owner. */
@Command(name = "diagnose")
public final class DiagnoseCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("diagnose is not implemented yet");
    }
}
