package dev.kerasview.convert.upgrade.python;

import java.util.List;

/**
 * A decoded code object, in one shape for every Python version.
 *
 * @param layout        the marshal layout it was read with
 * @param argCount      positional parameters (posonly included)
 * @param kwOnlyArgCount keyword-only parameters
 * @param flags         {@code co_flags} ({@code CO_VARARGS} 0x04, {@code CO_VARKEYWORDS} 0x08)
 * @param bytecode      {@code co_code}
 * @param consts        {@code co_consts}
 * @param names         {@code co_names}: globals and attributes
 * @param localNames    what {@code LOAD_FAST} indexes: varnames, or 3.11's localsplus names
 * @param derefNames    what {@code LOAD_DEREF} indexes: cellvars + freevars, or 3.11's localsplus names
 * @param freeVarCount  closure variables
 * @param name          {@code co_name}, {@code <lambda>} for a lambda
 */
public record CodeObject(MarshalLayout layout, int argCount, int kwOnlyArgCount, int flags, byte[] bytecode,
                         List<PyValue> consts, List<String> names, List<String> localNames, List<String> derefNames,
                         int freeVarCount, String name) {

    static final int CO_VARARGS = 0x04;
    static final int CO_VARKEYWORDS = 0x08;

    public CodeObject {
        bytecode = bytecode.clone();
        consts = List.copyOf(consts);
        names = List.copyOf(names);
        localNames = List.copyOf(localNames);
        derefNames = List.copyOf(derefNames);
    }

    @Override
    public byte[] bytecode() {
        return bytecode.clone();
    }

    /** True when the function takes {@code *args} or {@code **kwargs}. */
    public boolean variadic() {
        return (flags & (CO_VARARGS | CO_VARKEYWORDS)) != 0;
    }
}
