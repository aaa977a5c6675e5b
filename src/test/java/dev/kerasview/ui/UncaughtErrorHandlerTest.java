package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UncaughtErrorHandlerTest {

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    @Test
    void anExceptionEscapingAnEventHandlerBecomesOneReadableMessage() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        Thread fx = Fx.call(Thread::currentThread);
        Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
        Fx.run(() -> fx.setUncaughtExceptionHandler(new UncaughtErrorHandler(shown::add)));
        try {
            Fx.run(() -> {
                Button b = new Button();
                b.setOnAction(e -> {
                    throw new IllegalStateException("index 7 out of range");
                });
                javafx.application.Platform.runLater(() -> b.fireEvent(new ActionEvent()));
            });
            Fx.waitUntil(() -> !shown.isEmpty(), 5000, "message shown");
            assertEquals(1, shown.size());
            assertTrue(shown.get(0).contains("IllegalStateException: index 7 out of range"), shown.get(0));
            assertTrue(!shown.get(0).contains("\tat "));
            assertTrue(Fx.call(() -> true), "the JavaFX thread still runs");
        } finally {
            Fx.run(() -> fx.setUncaughtExceptionHandler(before));
        }
    }
}
