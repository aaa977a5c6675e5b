package dev.kerasview.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon in the sizes a desktop picks from (title bar, task switcher, dock). */
final class WindowIcons {

    static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** The icons found in the jar; a missing or broken one is left out rather than failing the window. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("icons/kerasview-" + size + ".png")) {
                if (in != null) {
                    Image image = new Image(in);
                    if (!image.isError()) {
                        icons.add(image);
                    }
                }
            } catch (IOException e) {
                // An icon is decoration: the window opens without it.
            }
        }
        return icons;
    }
}
