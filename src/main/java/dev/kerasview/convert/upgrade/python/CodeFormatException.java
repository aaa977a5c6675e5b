package dev.kerasview.convert.upgrade.python;

/** The bytes are not a code object of the layout tried, or its bytecode is not what the family says. */
public final class CodeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public CodeFormatException(String message) {
        this(message, -1);
    }

    /** @param offset the bytecode offset reached when it failed, -1 when the marshal data itself failed */
    public CodeFormatException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** How far into the bytecode the reading got; -1 when it failed before the bytecode. */
    public int offset() {
        return offset;
    }
}
