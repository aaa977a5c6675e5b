package dev.kerasview.convert.upgrade.python;

import java.util.List;

/**
 * A lambda's code object and the expression it returns.
 *
 * @param code   the code object
 * @param body   what it computes, in terms of its parameters
 * @param python the Python version(s) whose bytecode it was read as
 */
public record DecodedFunction(CodeObject code, Expr body, String python) {

    /** The positional parameter names. */
    public List<String> parameters() {
        return code.localNames().subList(0, code.argCount());
    }

    /** {@code lambda x: x * 2.0 + 1.0}. */
    public String source() {
        return "lambda " + String.join(", ", parameters()) + ": " + body.source();
    }
}
