package dev.kerasview.archive;

import static dev.kerasview.model.FindingCode.ENTRY_OUT_OF_BOUNDS;
import static dev.kerasview.model.FindingCode.UNSUPPORTED_METHOD;
import static dev.kerasview.model.FindingCode.ZIP_BOMB;

import java.util.Locale;
import java.util.Optional;

/** Decides whether an entry may be read: unsafe names, bombs and sizes the file cannot hold. */
final class EntryGuard {

    /** Keras's own threshold: more than 4 GiB declared ... */
    private static final long BOMB_MIN_DECLARED = 4L * 1024 * 1024 * 1024;
    /** ... and more than 100 times the stored size. */
    private static final long BOMB_RATIO = 100;
    /** Deflate cannot expand beyond about 1032:1, so a larger declared ratio is a lie. */
    private static final long DEFLATE_MAX_RATIO = 1032;

    private EntryGuard() {
    }

    static boolean unsafeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Why the entry's bytes must not be read, or empty when they may. */
    static Optional<ArchiveIssue> sizeProblem(ZipEntryInfo e, long fileSize) {
        long end = e.dataOffset() + e.compressedSize();
        if (e.dataOffset() < 0 || e.compressedSize() < 0 || end > fileSize || end < 0) {
            return Optional.of(new ArchiveIssue(ENTRY_OUT_OF_BOUNDS, e.name(), String.format(
                    Locale.ROOT, "entry '%s' declares %d stored bytes at offset %d, beyond the end "
                            + "of the %d-byte file", e.name(), e.compressedSize(), e.dataOffset(),
                    fileSize)));
        }
        long declared = e.uncompressedSize();
        boolean bomb = declared < 0
                || (declared > BOMB_MIN_DECLARED && declared > BOMB_RATIO * e.compressedSize())
                || (e.method() == ZipEntryInfo.STORED && declared != e.compressedSize())
                || (e.method() == ZipEntryInfo.DEFLATED
                    && declared > DEFLATE_MAX_RATIO * Math.max(1, e.compressedSize()) + 1024);
        if (bomb) {
            return Optional.of(new ArchiveIssue(ZIP_BOMB, e.name(), String.format(Locale.ROOT,
                    "entry '%s' declares %d bytes but stores only %d: a decompression bomb or a "
                            + "damaged archive", e.name(), declared, e.compressedSize())));
        }
        if (e.method() != ZipEntryInfo.STORED && e.method() != ZipEntryInfo.DEFLATED) {
            return Optional.of(new ArchiveIssue(UNSUPPORTED_METHOD, e.name(), String.format(
                    Locale.ROOT, "entry '%s' uses compression method %d; only STORED and "
                            + "DEFLATED are supported", e.name(), e.method())));
        }
        return Optional.empty();
    }
}
