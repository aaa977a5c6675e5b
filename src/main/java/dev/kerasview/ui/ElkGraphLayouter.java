package dev.kerasview.ui;

import dev.kerasview.config.GraphEdge;
import dev.kerasview.config.GraphNode;
import dev.kerasview.config.LayerGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a {@link LayerGraph} top to bottom with the Eclipse Layout Kernel's layered
 * algorithm, each expanded group laid out inside its own box. Plain Java: runs on any thread.
 */
public final class ElkGraphLayouter {

    /** Height of a group's title strip above its members. */
    static final double GROUP_TITLE = 26;

    private final NodeSizer sizer;

    /** A layouter sizing nodes with {@code sizer}. */
    public ElkGraphLayouter(NodeSizer sizer) {
        this.sizer = sizer;
    }

    /** Sizes of node boxes, chosen by whoever draws them. */
    @FunctionalInterface
    public interface NodeSizer {
        /** Width and height of {@code node}'s box when drawn as a leaf (a collapsed group included). */
        double[] size(GraphNode node);
    }

    /**
     * The layout of {@code graph} with the groups in {@code collapsed} shown closed.
     *
     * @param cancelled polled by the engine between its phases
     */
    public GraphLayout layout(LayerGraph graph, Set<String> collapsed, BooleanSupplier cancelled) {
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        Map<String, ElkNode> elk = new HashMap<>();
        Map<String, ElkNode> open = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            ElkNode parent = n.parent() == null ? root : open.get(n.parent());
            if (parent == null) {
                continue; // inside a collapsed group
            }
            ElkNode e = ElkGraphUtil.createNode(parent);
            elk.put(n.id(), e);
            if (n.group() && !collapsed.contains(n.id())) {
                configure(e);
                e.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + 10, 12, 12, 12));
                open.put(n.id(), e);
            } else {
                double[] size = sizer.size(n);
                e.setDimensions(size[0], size[1]);
            }
        }
        Map<ElkEdge, GraphEdge> edges = new LinkedHashMap<>();
        for (GraphEdge g : graph.edges()) {
            ElkNode from = elk.get(g.from());
            ElkNode to = elk.get(g.to());
            if (from != null && to != null && from.getParent() == to.getParent()) {
                edges.put(ElkGraphUtil.createSimpleEdge(from, to), g);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        });

        List<GraphLayout.Box> boxes = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            ElkNode e = elk.get(n.id());
            if (e != null) {
                double[] at = absolute(e);
                boxes.add(new GraphLayout.Box(n, at[0], at[1], e.getWidth(), e.getHeight(),
                        n.group() && collapsed.contains(n.id())));
            }
        }
        List<GraphLayout.Route> paths = new ArrayList<>();
        for (Map.Entry<ElkEdge, GraphEdge> en : edges.entrySet()) {
            double[] points = route(en.getKey());
            if (points.length >= 4) {
                paths.add(GraphLayout.Route.of(en.getValue(), points));
            }
        }
        return new GraphLayout(boxes, paths, root.getWidth(), root.getHeight());
    }

    private static void configure(ElkNode n) {
        n.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        n.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        n.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        n.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 28.0);
        n.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
        n.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        n.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
    }

    /** Top-left corner of {@code n} in the root's coordinates. */
    private static double[] absolute(ElkNode n) {
        double x = 0;
        double y = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
            y += p.getY();
        }
        return new double[] {x, y};
    }

    /** The edge's route in root coordinates (ELK gives it relative to the edge's container). */
    private static double[] route(ElkEdge edge) {
        double[] offset = edge.getContainingNode() == null ? new double[2] : absolute(edge.getContainingNode());
        List<Double> pts = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            pts.add(s.getStartX());
            pts.add(s.getStartY());
            for (ElkBendPoint b : s.getBendPoints()) {
                pts.add(b.getX());
                pts.add(b.getY());
            }
            pts.add(s.getEndX());
            pts.add(s.getEndY());
        }
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pts.get(i) + offset[i % 2];
        }
        return out;
    }
}
