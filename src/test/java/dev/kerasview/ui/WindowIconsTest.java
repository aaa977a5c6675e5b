package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {

    @Start
    void start(Stage stage) {
        // the toolkit must run for images to decode
    }

    @Test
    void everySizeIsInTheJarAndDecodesToThatSize() {
        List<Image> icons = WindowIcons.load();
        assertEquals(WindowIcons.SIZES, icons.stream().map(i -> (int) i.getWidth()).toList());
        assertEquals(WindowIcons.SIZES, icons.stream().map(i -> (int) i.getHeight()).toList());
    }
}
