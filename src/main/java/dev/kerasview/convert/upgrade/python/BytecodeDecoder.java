package dev.kerasview.convert.upgrade.python;

import java.util.ArrayList;
import java.util.List;

/** Splits co_code into instructions of one bytecode family, skipping inline caches and folding EXTENDED_ARG. */
final class BytecodeDecoder {

    private static final int CLASSIC_HAVE_ARGUMENT = 90;

    private BytecodeDecoder() {
    }

    /** The instructions, in order; fails on an opcode the family's table lacks or a truncated instruction. */
    static List<Instruction> decode(byte[] code, BytecodeFamily family) throws CodeFormatException {
        List<Instruction> out = new ArrayList<>();
        int pos = 0;
        int extended = 0;
        while (pos < code.length) {
            int start = pos;
            int opcode = code[pos] & 0xFF;
            int arg;
            if (family.shape() == BytecodeFamily.Shape.WORDCODE) {
                if (pos + 1 >= code.length) {
                    throw new CodeFormatException("co_code has an odd length for " + family.label() + " wordcode");
                }
                arg = (extended << 8) | (code[pos + 1] & 0xFF);
                pos += 2;
            } else if (opcode >= CLASSIC_HAVE_ARGUMENT) {
                if (pos + 2 >= code.length) {
                    throw new CodeFormatException("an instruction at offset " + pos + " is cut off", pos);
                }
                arg = (extended << 16) | (code[pos + 1] & 0xFF) | ((code[pos + 2] & 0xFF) << 8);
                pos += 3;
            } else {
                arg = 0;
                pos += 1;
            }
            BytecodeFamily.Spec spec = family.spec(opcode);
            if (spec == null) {
                throw new CodeFormatException("opcode " + opcode + " at offset " + start + " is not one of the "
                        + family.label() + " instructions kerasview decodes (control flow, assignments and"
                        + " comprehensions are not)", start);
            }
            if (spec.op() == Op.EXTENDED_ARG) {
                extended = arg;
                continue;
            }
            extended = 0;
            for (int i = 0; i < spec.caches(); i++) {
                if (pos + 1 >= code.length || code[pos] != 0) {
                    throw new CodeFormatException("opcode " + opcode + " at offset " + start + " lacks its "
                            + spec.caches() + " " + family.label() + " CACHE entries", start);
                }
                pos += 2;
            }
            out.add(new Instruction(start, opcode, spec.op(), arg, spec.operator()));
        }
        return out;
    }
}
