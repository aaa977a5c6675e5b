package dev.kerasview.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Builds hostile HDF5 files with the system Python's h5py (skipping the test when it is not installed). */
final class H5py {

    static final String PYTHON = "/usr/bin/python3";

    private H5py() {
    }

    static void assumeAvailable() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(Path.of(PYTHON));
        if (ok) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        Assumptions.assumeTrue(ok, "SKIPPED: " + PYTHON + " with h5py is not installed (apt-get install python3-h5py)");
    }

    /** Runs a Python script (h5py imported as {@code h5py}, arguments in {@code sys.argv}); fails on error. */
    static void run(String script, String... args) throws IOException, InterruptedException {
        assumeAvailable();
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", "import sys, h5py, numpy as np\n" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("h5py script failed: " + output);
        }
    }
}
