package dev.kerasview.hdf5.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kerasview.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the HDF Group's h5dump and h5py (the Python {@link TestEnvironment} finds) on files the tests write. */
final class ReferenceReaders {

    /** What a tool printed and how it exited. */
    record Result(int exitCode, String output) {
    }

    private ReferenceReaders() {
    }

    /** Runs h5dump with {@code args} then the file; the output is stdout and stderr together. */
    static Result h5dump(Path file, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.assumeH5dump().toString());
        command.addAll(List.of(args));
        command.add(file.toString());
        return run(command);
    }

    /** h5dump must succeed; returns its output. */
    static String h5dumpOk(Path file, String... args) throws IOException {
        Result result = h5dump(file, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("h5dump " + String.join(" ", args) + " exited " + result.exitCode()
                    + ":\n" + tail(result.output()));
        }
        return result.output();
    }

    /** h5diff of two files, attributes included: exit code 0 means no difference. */
    static Result h5diff(Path first, Path second) throws IOException {
        return run(List.of(TestEnvironment.assumeH5diff().toString(), "-c", first.toString(), second.toString()));
    }

    /** The whole file as h5py sees it (see h5py_dump.py): object path to description. */
    static JsonNode h5py(Path file) throws IOException {
        return h5py(List.of(file));
    }

    /** Several files in one Python run: a JSON array of {@link #h5py(Path)} results (one file: the result). */
    static JsonNode h5py(List<Path> files) throws IOException {
        Path python = TestEnvironment.assumeH5py();
        Path script = Files.createTempFile("h5py_dump", ".py");
        try (InputStream in = ReferenceReaders.class.getResourceAsStream("h5py_dump.py")) {
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            files.forEach(f -> command.add(f.toString()));
            return runPython(command);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Runs a Python program given as text with {@code args}; it must print JSON. */
    /** Keras's own {@code load_attributes_from_hdf5_group} (legacy_h5_format.py), joining chunked string lists. */
    static final String KERAS_LOAD_ATTRIBUTES = """
            def load_attributes_from_hdf5_group(group, name):
                if name in group.attrs:
                    return [n.decode("utf8") if hasattr(n, "decode") else n for n in group.attrs[name]]
                data, chunk_id = [], 0
                while f"{name}{chunk_id}" in group.attrs:
                    data.extend([n.decode("utf8") if hasattr(n, "decode") else n
                                 for n in group.attrs[f"{name}{chunk_id}"]])
                    chunk_id += 1
                return data
            """;

    static JsonNode python(String program, String... args) throws IOException {
        Path python = TestEnvironment.assumeH5py();
        Path script = Files.createTempFile("writer_test", ".py");
        try {
            Files.writeString(script, program);
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            command.addAll(List.of(args));
            return runPython(command);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static JsonNode runPython(List<String> command) throws IOException {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError("h5py failed (exit " + result.exitCode() + "):\n" + tail(result.output()));
        }
        return new ObjectMapper().readTree(result.output());
    }

    private static Result run(List<String> command) throws IOException {
        Path output = Files.createTempFile("tool", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
