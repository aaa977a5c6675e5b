package dev.kerasview.diagnose;

import java.util.List;

/** Shapes printed the way Python prints tuples, as Keras's messages show them (and the window too). */
public final class PythonShapes {

    private PythonShapes() {
    }

    /** {@code [4]} → {@code (4,)}, {@code [18, 4]} → {@code (18, 4)}, {@code []} → {@code ()}. */
    public static String tuple(List<Long> shape) {
        if (shape == null) {
            return "(?)";
        }
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape.get(i));
        }
        return sb.append(')').toString();
    }
}
