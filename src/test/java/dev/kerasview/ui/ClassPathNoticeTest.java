package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClassPathNoticeTest {

    private static final class Collecting extends Handler {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            messages.add(r.getLoggerName() + ": " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void onlyTheClassPathWarningIsDroppedAndJavafxsOtherMessagesStillGetThrough() {
        ClassPathNotice.silence();
        Logger javafx = Logger.getLogger("javafx");
        Logger css = Logger.getLogger("javafx.css");
        Collecting seen = new Collecting();
        javafx.addHandler(seen);
        try {
            javafx.warning(ClassPathNotice.MESSAGE + "'unnamed module @6722b206'");
            javafx.warning("Loading FXML document with JavaFX API of version 21 by JavaFX runtime of version 17");
            css.log(Level.WARNING, "Could not resolve '-kv-red' while resolving lookups for '-fx-text-fill'");
            assertEquals(List.of(
                    "javafx: Loading FXML document with JavaFX API of version 21 by JavaFX runtime of version 17",
                    "javafx.css: Could not resolve '-kv-red' while resolving lookups for '-fx-text-fill'"), seen.messages);
        } finally {
            javafx.removeHandler(seen);
        }
    }

    @Test
    void theJavafxOnTheClassPathWordsTheWarningAsFiltered() throws Exception {
        // an upgrade that rewords it would bring the warning back: this says so
        try (InputStream in = javafx.application.Platform.class.getClassLoader()
                .getResourceAsStream("com/sun/javafx/application/PlatformImpl.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains(ClassPathNotice.MESSAGE),
                    "PlatformImpl no longer logs '" + ClassPathNotice.MESSAGE + "…'");
        }
    }
}
