package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowGeometryTest {

    /** A 1366×768 laptop screen less a 28-pixel panel. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1366, 740);

    @TempDir
    Path dir;

    @Test
    void aFirstWindowFitsASmallScreen() {
        WindowGeometry g = WindowGeometry.place(null, List.of(LAPTOP));
        assertEquals(new WindowGeometry(43, 28, 1280, 740, false, PaneLayout.Positions.DEFAULT), g);
    }

    @Test
    void aFirstWindowOnALargeScreenIsCentredAtThePreferredSize() {
        WindowGeometry g = WindowGeometry.place(null, List.of(new Rectangle2D(0, 0, 1920, 1080)));
        assertEquals(new WindowGeometry(320, 140, 1280, 800, false, PaneLayout.Positions.DEFAULT), g);
    }

    @Test
    void aRememberedWindowComesBackWhereItWasShrunkToItsScreen() {
        PaneLayout.Positions mine = new PaneLayout.Positions(0.3, 0.2, 0.6);
        WindowGeometry saved = new WindowGeometry(1500, 50, 1600, 1000, false, mine);
        List<Rectangle2D> screens = List.of(LAPTOP, new Rectangle2D(1366, 0, 1920, 1080));
        assertEquals(saved, WindowGeometry.place(saved, screens));
        // its screen is gone: the preferred size on the one left, with the dividers as they were
        assertEquals(new WindowGeometry(43, 28, 1280, 740, false, mine), WindowGeometry.place(saved, List.of(LAPTOP)));
        WindowGeometry onLaptop = WindowGeometry.place(new WindowGeometry(100, 60, 1600, 1000, true, mine), List.of(LAPTOP));
        assertEquals(new WindowGeometry(0, 28, 1366, 740, true, mine), onLaptop);
    }

    @Test
    void theStoreKeepsSizePositionAndDividersAcrossStarts() throws Exception {
        WindowGeometryStore store = new WindowGeometryStore(dir.resolve("kerasview").resolve("window.properties"));
        assertNull(store.load());
        WindowGeometry g = new WindowGeometry(12, 34, 1100, 700, false, new PaneLayout.Positions(0.4, 0.25, 0.5));
        store.save(g);
        assertEquals(g, new WindowGeometryStore(dir.resolve("kerasview").resolve("window.properties")).load());
        Files.writeString(dir.resolve("kerasview").resolve("window.properties"), "x=oops\n");
        assertNull(store.load(), "a damaged file counts as none");
    }
}
