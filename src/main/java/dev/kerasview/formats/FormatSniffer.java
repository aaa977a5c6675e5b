package dev.kerasview.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Recognises a file by its magic bytes, never by its suffix. */
final class FormatSniffer {

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final int PEEK = 2048 + 8;

    private FormatSniffer() {
    }

    static FileKind sniff(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return FileKind.DIRECTORY;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        if (head.length == 0) {
            return FileKind.EMPTY;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return FileKind.ZIP;
        }
        // HDF5 allows a user block before the signature: 0, 512, 1024, 2048 bytes.
        for (int at : new int[] {0, 512, 1024, 2048}) {
            if (head.length >= at + 8 && Arrays.equals(head, at, at + 8, HDF5, 0, 8)) {
                return FileKind.HDF5;
            }
        }
        if ((head[0] & 0xFF) == 0x80 && head.length > 1 && head[1] >= 2 && head[1] <= 5) {
            return FileKind.PICKLE;
        }
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8)
                .stripLeading();
        if (text.startsWith("version https://git-lfs")) {
            return FileKind.LFS_POINTER;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<?xml")
                || lower.startsWith("<head") || lower.startsWith("<")) {
            return FileKind.HTML;
        }
        if (text.startsWith("{")) {
            return FileKind.JSON;
        }
        return FileKind.UNKNOWN;
    }
}
