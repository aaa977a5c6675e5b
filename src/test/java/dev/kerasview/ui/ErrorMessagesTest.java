package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void unreadableFilesKeepTheReadersSentence() {
        assertEquals("x.keras: not a zip archive", ErrorMessages.describe(new UnreadableFileException(Path.of("x.keras"), "not a zip archive")));
    }

    @Test
    void fileSystemErrorsNameTheFile() {
        assertEquals("/tmp/x: no such file or folder.", ErrorMessages.describe(new NoSuchFileException("/tmp/x")));
    }

    @Test
    void internalErrorsAreOneSentenceWithoutATrace() {
        String m = ErrorMessages.describe(new IllegalStateException("bad index"));
        assertTrue(m.contains("IllegalStateException: bad index"), m);
        assertFalse(m.contains("\tat "), m);
    }
}
