package dev.kerasview.convert.upgrade.python;

import java.util.List;

/**
 * The field layouts of a marshalled code object (CPython's Python/marshal.c, {@code TYPE_CODE}), with the
 * bytecode forms each layout can carry. Files do not say which Python wrote them, so each layout is tried.
 */
public enum MarshalLayout {
    /** CPython 2.7: argcount, nlocals, stacksize, flags; Python 2 strings. */
    PY27("Python 2.7", false, List.of(BytecodeFamily.PY27)),
    /** CPython 3.0-3.7: argcount, kwonlyargcount, nlocals, stacksize, flags. */
    PY30("Python 3.0-3.7", true, List.of(BytecodeFamily.PY30, BytecodeFamily.PY36)),
    /** CPython 3.8-3.10: posonlyargcount added after argcount. */
    PY38("Python 3.8-3.10", true, List.of(BytecodeFamily.PY36)),
    /** CPython 3.11-3.13: localsplus names and kinds, qualname, exception table; no nlocals. */
    PY311("Python 3.11-3.13", true, List.of(BytecodeFamily.PY311, BytecodeFamily.PY312, BytecodeFamily.PY313));

    private final String label;
    private final boolean python3;
    private final List<BytecodeFamily> families;

    MarshalLayout(String label, boolean python3, List<BytecodeFamily> families) {
        this.label = label;
        this.python3 = python3;
        this.families = families;
    }

    /** The Python versions that write this layout. */
    public String label() {
        return label;
    }

    /** Python 3 marshal: FLAG_REF back-references, str as text, bytes apart. */
    boolean python3() {
        return python3;
    }

    /** The bytecode forms a code object of this layout may hold. */
    List<BytecodeFamily> families() {
        return families;
    }
}
