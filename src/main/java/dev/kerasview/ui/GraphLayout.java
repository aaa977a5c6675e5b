package dev.kerasview.ui;

import dev.kerasview.config.GraphEdge;
import dev.kerasview.config.GraphNode;
import java.util.List;

/**
 * Where the layout engine put every node and edge of a graph, in absolute coordinates.
 *
 * @param boxes  one per node shown (members of collapsed groups are not), groups before members
 * @param edges  one per edge shown
 * @param width  the whole drawing's width
 * @param height the whole drawing's height
 */
public record GraphLayout(List<Box> boxes, List<Route> edges, double width, double height) {

    public GraphLayout {
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
    }

    /**
     * A node's rectangle.
     *
     * @param node      the node
     * @param x         left
     * @param y         top
     * @param w         width
     * @param h         height
     * @param collapsed true for a group shown without its members
     */
    public record Box(GraphNode node, double x, double y, double w, double h, boolean collapsed) {

        /** True when the point lies inside. */
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }

        /** True when the rectangle meets the given one. */
        public boolean meets(double left, double top, double right, double bottom) {
            return x <= right && x + w >= left && y <= bottom && y + h >= top;
        }
    }

    /**
     * An edge's route: x0, y0, x1, y1, … from source to target.
     *
     * @param edge   the edge
     * @param points the bend points with both ends
     * @param minX   the route's bounds, for culling
     * @param minY   the route's bounds
     * @param maxX   the route's bounds
     * @param maxY   the route's bounds
     */
    public record Route(GraphEdge edge, double[] points, double minX, double minY, double maxX, double maxY) {

        /** A route through {@code points}, its bounds computed. */
        public static Route of(GraphEdge edge, double[] points) {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (int i = 0; i + 1 < points.length; i += 2) {
                x0 = Math.min(x0, points[i]);
                x1 = Math.max(x1, points[i]);
                y0 = Math.min(y0, points[i + 1]);
                y1 = Math.max(y1, points[i + 1]);
            }
            return new Route(edge, points, x0, y0, x1, y1);
        }

        /** True when the route's bounds meet the given rectangle. */
        public boolean meets(double left, double top, double right, double bottom) {
            return minX <= right && maxX >= left && minY <= bottom && maxY >= top;
        }
    }
}
