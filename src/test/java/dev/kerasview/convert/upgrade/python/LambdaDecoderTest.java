package dev.kerasview.convert.upgrade.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real code objects from CPython 2.7 and 3.6-3.13 (python-lambdas/cases.tsv, written by make_cases.py with
 * each interpreter): each decodes to the source it was compiled from, read as that version's bytecode.
 */
class LambdaDecoderTest {

    static Stream<Arguments> cases() throws Exception {
        return PythonLambdaCases.all();
    }

    @ParameterizedTest(name = "Python {0}: {1}")
    @MethodSource("cases")
    void eachStraightLineLambdaDecodesToTheSourceItWasCompiledFrom(String python, String source, String base64)
            throws Exception {
        byte[] marshalled = Base64.getDecoder().decode(base64);
        if (source.contains(" or ")) {
            CodeFormatException e = assertThrows(CodeFormatException.class, () -> LambdaDecoder.decode(marshalled));
            assertTrue(e.getMessage().contains("not one of the"), "a jump is refused by name: " + e.getMessage());
            return;
        }
        DecodedFunction f = LambdaDecoder.decode(marshalled);
        assertEquals(source, f.source(), "decoded from Python " + python);
        assertTrue(f.python().contains(python) || covers(f.python(), python),
                "read as Python " + python + "'s bytecode, not " + f.python());
    }

    /** "Python 3.6-3.10" covers 3.8. */
    private static boolean covers(String label, String version) {
        String range = label.replace("Python ", "");
        if (!range.contains("-")) {
            return range.equals(version);
        }
        String[] ends = range.split("-");
        int minor = Integer.parseInt(version.split("\\.")[1]);
        return version.startsWith(ends[0].split("\\.")[0] + ".")
                && minor >= Integer.parseInt(ends[0].split("\\.")[1]) && minor <= Integer.parseInt(ends[1].split("\\.")[1]);
    }
}
