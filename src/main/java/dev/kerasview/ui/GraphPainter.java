package dev.kerasview.ui;

import dev.kerasview.config.GraphNode;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a laid-out graph onto a canvas: only what meets the visible rectangle, and no text
 * where it would be too small to read, so a frame costs the same for 50 layers as for 5,000.
 */
final class GraphPainter {

    /** Below this zoom the boxes are drawn without text. */
    static final double TEXT_SCALE = 0.35;

    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font DETAIL = Font.font("System", 11);
    private final Map<String, Color> colors = new HashMap<>();

    /**
     * Draws {@code scene} at {@code scale}, world point (0, 0) at screen ({@code tx}, {@code ty}),
     * into a {@code width} × {@code height} area.
     */
    void paint(GraphicsContext g, GraphScene scene, GraphViewModel vm, double scale, double tx, double ty,
               double width, double height) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(color(GraphPalette.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (scene == null) {
            return;
        }
        double left = -tx / scale;
        double top = -ty / scale;
        double right = (width - tx) / scale;
        double bottom = (height - ty) / scale;
        g.setTransform(scale, 0, 0, scale, tx, ty);
        boolean text = scale >= TEXT_SCALE;

        for (GraphLayout.Box b : scene.layout().boxes()) {
            if (b.node().group() && !b.collapsed() && b.meets(left, top, right, bottom)) {
                group(g, b, vm.look(b.node()), text);
            }
        }
        g.setStroke(color(GraphPalette.EDGE));
        g.setLineWidth(1.2);
        for (GraphLayout.Route p : scene.layout().edges()) {
            if (p.meets(left, top, right, bottom)) {
                edge(g, p.points(), text);
            }
        }
        for (GraphLayout.Box b : scene.layout().boxes()) {
            if ((!b.node().group() || b.collapsed()) && b.meets(left, top, right, bottom)) {
                box(g, b, vm.look(b.node()), text);
            }
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private void group(GraphicsContext g, GraphLayout.Box b, GraphViewModel.NodeLook look, boolean text) {
        g.setFill(color(look.match() ? GraphPalette.MATCH : GraphPalette.GROUP_FILL));
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 10, 10);
        g.setStroke(color(look.selected() ? GraphPalette.SELECTED
                : look.status() == LayerStatus.OK ? GraphPalette.GROUP_STROKE : GraphPalette.stroke(look.status())));
        g.setLineWidth(look.selected() ? 2.5 : 1.2);
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 10, 10);
        if (text) {
            g.setFill(color(GraphPalette.TEXT));
            g.setFont(TITLE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("▾ " + b.node().name() + "   " + look.detail(), b.x() + 10, b.y() + ElkGraphLayouter.GROUP_TITLE / 2 + 4);
        }
    }

    private void box(GraphicsContext g, GraphLayout.Box b, GraphViewModel.NodeLook look, boolean text) {
        double arc = corner(b);
        g.setFill(color(look.match() ? GraphPalette.MATCH : GraphPalette.fill(look.status())));
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        g.setStroke(color(look.selected() ? GraphPalette.SELECTED
                : look.custom() && look.status() == LayerStatus.OK ? GraphPalette.CUSTOM : GraphPalette.stroke(look.status())));
        g.setLineWidth(look.selected() ? 3 : look.status() == LayerStatus.OK ? 1.2 : 2);
        if (look.custom() || b.collapsed()) {
            g.setLineDashes(5, 3);
        }
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        g.setLineDashes((double[]) null);
        if (!text) {
            return;
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double cx = b.x() + b.w() / 2;
        g.setFill(color(look.status().failing() ? GraphPalette.stroke(LayerStatus.FAILS) : GraphPalette.TEXT));
        g.setFont(TITLE);
        g.fillText((b.collapsed() ? "▸ " : "") + GraphNodeText.title(b.node()), cx, b.y() + 14, b.w() - 8);
        g.setFill(color(look.custom() ? GraphPalette.CUSTOM : GraphPalette.MUTED));
        g.setFont(DETAIL);
        g.fillText((look.custom() ? "◆ " : "") + look.detail(), cx, b.y() + 30, b.w() - 8);
    }

    /** Corner arc of a box: the model's inputs and outputs are pills, other layers rounded rectangles. */
    static double corner(GraphLayout.Box b) {
        return b.node().role() == GraphNode.Role.INNER || b.node().group() ? 8 : b.h();
    }

    private static void edge(GraphicsContext g, double[] pts, boolean arrow) {
        g.beginPath();
        g.moveTo(pts[0], pts[1]);
        for (int i = 2; i + 1 < pts.length; i += 2) {
            g.lineTo(pts[i], pts[i + 1]);
        }
        g.stroke();
        if (arrow) {
            int n = pts.length;
            double x = pts[n - 2];
            double y = pts[n - 1];
            double a = Math.atan2(y - pts[n - 3], x - pts[n - 4]);
            g.setFill(g.getStroke());
            g.fillPolygon(new double[] {x, x - 7 * Math.cos(a - 0.4), x - 7 * Math.cos(a + 0.4)},
                    new double[] {y, y - 7 * Math.sin(a - 0.4), y - 7 * Math.sin(a + 0.4)}, 3);
        }
    }

    private Color color(String hex) {
        return colors.computeIfAbsent(hex, Color::web);
    }

    /** The node drawn at world point ({@code x}, {@code y}): the innermost box there, or null. */
    static GraphNode hit(GraphScene scene, double x, double y) {
        GraphNode found = null;
        for (GraphLayout.Box b : scene.layout().boxes()) {
            if (b.contains(x, y)) {
                found = b.node(); // members come after their group: the last hit is the innermost
            }
        }
        return found;
    }
}
