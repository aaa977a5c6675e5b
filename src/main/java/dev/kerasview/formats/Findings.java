package dev.kerasview.formats;

import static dev.kerasview.model.FindingCode.DAMAGED_GROUP;
import static dev.kerasview.model.FindingCode.SUFFIX_MISMATCH;

import dev.kerasview.archive.ArchiveIssue;
import dev.kerasview.model.Finding;
import dev.kerasview.model.FindingCode;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The problems a reader reports while the rest of the file still shows. */
final class Findings {

    private Findings() {
    }

    static Finding of(Severity s, FindingCode code, String path, String message, String cause,
                      String... remedies) {
        return Finding.of(s, code).path(path).message(message).cause(cause).remedies(remedies)
                .build();
    }

    static Finding archive(ArchiveIssue i) {
        Severity s = switch (i.code()) {
            case DUPLICATE_ENTRY, UNSAFE_ENTRY_NAME, ZIP_BOMB -> Severity.ERROR;
            default -> Severity.WARNING;
        };
        return of(s, i.code(), i.entry(), i.message(),
                "the archive was not written by Keras as it is, or was tampered with",
                "do not extract this archive with tools that trust entry names",
                "re-save the model with Keras from a trusted source");
    }

    /** A suffix that says another format than the content, or null when they agree. */
    static Finding suffixMismatch(Path file, String actual, String... expectedSuffixes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String s : expectedSuffixes) {
            if (name.endsWith(s)) {
                return null;
            }
        }
        return of(Severity.WARNING, SUFFIX_MISMATCH, null, "the file is named '"
                        + file.getFileName() + "' but holds " + actual,
                "Keras chooses its loader by the file name suffix, so it will read this file "
                        + "with the wrong loader and fail",
                "rename the file to end in " + String.join(" or ", expectedSuffixes));
    }

    /** One finding per group of the weights store that could not be read. */
    static List<Finding> damagedGroups(H5Group root) {
        List<Finding> out = new ArrayList<>();
        if (root != null) {
            collectDamaged(root, out);
        }
        return out;
    }

    private static void collectDamaged(H5Group g, List<Finding> out) {
        if (g.problem() != null) {
            out.add(of(Severity.ERROR, DAMAGED_GROUP, g.path(), "group '" + g.path() + "' is "
                    + g.problem(), "this part of the HDF5 file is damaged or uses a layout "
                    + "the reader does not support", "re-save the model from the original code"));
        }
        for (H5Group c : g.groups()) {
            collectDamaged(c, out);
        }
    }
}
