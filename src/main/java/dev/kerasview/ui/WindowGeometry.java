package dev.kerasview.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window is and how its panes are divided, as remembered across starts.
 *
 * @param x          left edge on the desktop
 * @param y          top edge on the desktop
 * @param width      window width
 * @param height     window height
 * @param maximized  whether the window filled the screen
 * @param layout     the panes' divider positions
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized,
                             PaneLayout.Positions layout) {

    /** The size a first window asks for, when the screen has room. */
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 480;

    /**
     * Where to put the window on {@code screens} (their visual bounds, the primary first):
     * {@code saved} if it still lies on a screen, shrunk to fit; else the preferred size, fitted
     * to the primary screen and centred on it.
     */
    static WindowGeometry place(WindowGeometry saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (saved != null) {
            for (Rectangle2D s : screens) {
                if (s.contains(saved.x() + 40, saved.y() + 10)) {
                    double w = clamp(saved.width(), MIN_WIDTH, s.getWidth());
                    double h = clamp(saved.height(), MIN_HEIGHT, s.getHeight());
                    double x = clamp(saved.x(), s.getMinX(), s.getMaxX() - w);
                    double y = clamp(saved.y(), s.getMinY(), s.getMaxY() - h);
                    return new WindowGeometry(x, y, w, h, saved.maximized(), saved.layout());
                }
            }
        }
        double w = Math.min(PREFERRED_WIDTH, primary.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, primary.getHeight());
        return new WindowGeometry(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h, false,
                saved == null ? PaneLayout.Positions.DEFAULT : saved.layout());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }
}
