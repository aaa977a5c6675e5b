package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;

/** What Ctrl+C and "Copy" put on the clipboard for a row: its fields separated by tabs, as a spreadsheet pastes them. */
final class RowText {

    private RowText() {
    }

    /** A layer: name, class, output shape and where its weights are stored. */
    static String layer(LayerRow row) {
        LayerNode n = row.node();
        return String.join("\t", n.name(), n.className(), n.outputShape() == null ? "" : n.outputShape(),
                n.path() == null ? "" : n.path());
    }

    /** A variable: name, shape, dtype and its HDF5 path. */
    static String variable(VariableInfo v) {
        return String.join("\t", v.name(), DisplayFormat.shape(v.shape()), v.dtype(),
                v.file() == null ? v.path() : v.file() + ":" + v.path());
    }

    /** A configuration entry: key and value. */
    static String configEntry(ConfigEntry e) {
        return e.key() + "\t" + e.value();
    }

    /** A finding: its message, then where it applies. */
    static String finding(Finding f) {
        String where = where(f);
        String message = f.message() == null ? f.code().id() : f.message();
        return where.isEmpty() ? message : message + "\n" + where;
    }

    /** Where a finding applies: layer, class, weights path, expected and found. */
    static String where(Finding f) {
        StringBuilder where = new StringBuilder();
        if (f.layer() != null) {
            where.append("Layer ").append(f.layer());
        }
        if (f.className() != null) {
            where.append(where.length() > 0 ? " · " : "").append("class ").append(f.className());
        }
        if (f.path() != null) {
            where.append(where.length() > 0 ? " · " : "").append("stored under ").append(f.path());
        }
        if (f.expected() != null || f.found() != null) {
            where.append(where.length() > 0 ? " · " : "")
                    .append("expected ").append(f.expected()).append(", found ").append(f.found());
        }
        return where.toString();
    }
}
