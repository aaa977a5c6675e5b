package dev.kerasview.archive;

import java.io.IOException;

/** The bytes are not a readable zip archive; the message says what was expected and found. */
public class ZipFormatException extends IOException {

    public ZipFormatException(String message) {
        super(message);
    }
}
