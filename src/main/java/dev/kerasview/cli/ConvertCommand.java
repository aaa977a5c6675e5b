package dev.kerasview.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for the {@code convert} subcommand; replaced by its owner. */
@Command(name = "convert")
public final class ConvertCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("convert is not implemented yet");
    }
}
