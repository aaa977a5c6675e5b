package dev.kerasview.archive;

import dev.kerasview.model.FindingCode;

/**
 * Something suspicious or broken about an archive entry, reported rather than thrown.
 *
 * @param code    DUPLICATE_ENTRY, UNSAFE_ENTRY_NAME, ZIP_BOMB, ENTRY_OUT_OF_BOUNDS or
 *                UNSUPPORTED_METHOD
 * @param entry   the entry name concerned
 * @param message one readable sentence
 */
public record ArchiveIssue(FindingCode code, String entry, String message) {
}
