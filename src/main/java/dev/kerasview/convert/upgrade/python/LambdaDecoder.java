package dev.kerasview.convert.upgrade.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a marshalled lambda without knowing which Python wrote it: every code-object layout and every
 * bytecode form it may hold is tried; the reading must be unique (all successful readings give the same
 * expression) or nothing is decoded.
 */
public final class LambdaDecoder {

    private LambdaDecoder() {
    }

    /** The function {@code marshalled} holds, or why it cannot be read. */
    public static DecodedFunction decode(byte[] marshalled) throws CodeFormatException {
        List<DecodedFunction> readings = new ArrayList<>();
        CodeFormatException best = null;
        String bestWhere = null;
        for (MarshalLayout layout : MarshalLayout.values()) {
            CodeObject code;
            try {
                code = MarshalReader.readCode(marshalled, layout);
            } catch (CodeFormatException e) {
                if (best == null) {
                    best = e;
                    bestWhere = "as marshal data";
                }
                continue;
            }
            for (BytecodeFamily family : layout.families()) {
                try {
                    Expr body = SymbolicEvaluator.evaluate(code, BytecodeDecoder.decode(code.bytecode(), family));
                    readings.add(new DecodedFunction(code, body, family.label()));
                } catch (CodeFormatException e) {
                    if (best == null || best.offset() < e.offset() || bestWhere.equals("as marshal data")) {
                        best = e;
                        bestWhere = "as " + family.label() + " bytecode";
                    }
                }
            }
        }
        if (readings.isEmpty()) {
            throw new CodeFormatException("its bytecode cannot be decoded (" + bestWhere + ": " + best.getMessage()
                    + ")", best.offset());
        }
        DecodedFunction first = readings.get(0);
        List<String> versions = new ArrayList<>();
        for (DecodedFunction r : readings) {
            if (!r.body().equals(first.body()) || !r.parameters().equals(first.parameters())) {
                throw new CodeFormatException("its bytecode reads as '" + first.source() + "' in " + first.python()
                        + " but as '" + r.source() + "' in " + r.python() + "; kerasview cannot tell which");
            }
            versions.add(r.python());
        }
        return new DecodedFunction(first.code(), first.body(), String.join(" or ", versions));
    }
}
