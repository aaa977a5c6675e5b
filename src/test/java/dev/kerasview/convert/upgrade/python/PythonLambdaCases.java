package dev.kerasview.convert.upgrade.python;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The rows of python-lambdas/cases.tsv: Python version, lambda source, base64 of its marshalled code object. */
public final class PythonLambdaCases {

    private static final Path CASES = Path.of("src/test/resources/python-lambdas/cases.tsv");

    private PythonLambdaCases() {
    }

    /** One argument triple per row. */
    public static Stream<Arguments> all() throws Exception {
        return Files.readAllLines(CASES).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1], f[2]));
    }
}
