package dev.kerasview.archive;

/**
 * Something suspicious or broken about an archive entry, reported rather than thrown.
 *
 * @param code    stable identifier: DUPLICATE_ENTRY, UNSAFE_ENTRY_NAME, ZIP_BOMB,
 *                ENTRY_OUT_OF_BOUNDS, UNSUPPORTED_METHOD
 * @param entry   the entry name concerned
 * @param message one readable sentence
 */
public record ArchiveIssue(String code, String entry, String message) {
}
