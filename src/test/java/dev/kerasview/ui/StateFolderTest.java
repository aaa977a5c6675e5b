package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateFolderTest {

    @Test
    void followsXdgStateHomeAndDefaultsToLocalState() {
        Path home = Path.of("/home/ada");
        assertEquals(Path.of("/var/state/kerasview"), StateFolder.of(Map.of("XDG_STATE_HOME", "/var/state"), home));
        assertEquals(Path.of("/home/ada/.local/state/kerasview"), StateFolder.of(Map.of(), home));
        assertEquals(Path.of("/home/ada/.local/state/kerasview"), StateFolder.of(Map.of("XDG_STATE_HOME", " "), home));
    }
}
