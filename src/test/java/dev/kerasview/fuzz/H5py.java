package dev.kerasview.fuzz;

import dev.kerasview.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds hostile HDF5 files with the system Python's h5py (skipping the test when it is not installed). */
final class H5py {

    private H5py() {
    }

    /** Runs a Python script (h5py imported as {@code h5py}, arguments in {@code sys.argv}); fails on error. */
    static void run(String script, String... args) throws IOException, InterruptedException {
        Path python = TestEnvironment.assumeH5py();
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", "import sys, h5py, numpy as np\n" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("h5py script failed: " + output);
        }
    }
}
