package dev.kerasview.ui;

import java.util.function.Function;

/** Writes a laid-out graph as an SVG document, with the canvas's colours and marks. */
final class GraphSvg {

    private GraphSvg() {
    }

    /** The SVG text of {@code scene}, each node marked by {@code looks}. */
    static String of(GraphScene scene, Function<GraphLayout.Box, GraphViewModel.NodeLook> looks) {
        GraphLayout l = scene.layout();
        StringBuilder b = new StringBuilder(256 + l.boxes().size() * 400);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(l.width()))
                .append("\" height=\"").append(num(l.height())).append("\" viewBox=\"0 0 ")
                .append(num(l.width())).append(' ').append(num(l.height())).append("\" font-family=\"sans-serif\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                        + " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                .append(GraphPalette.EDGE).append("\"/></marker></defs>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"").append(GraphPalette.BACKGROUND).append("\"/>\n");
        for (GraphLayout.Box x : l.boxes()) {
            if (x.node().group() && !x.collapsed()) {
                GraphViewModel.NodeLook look = looks.apply(x);
                rect(b, x, 10, GraphPalette.GROUP_FILL, look.status() == LayerStatus.OK ? GraphPalette.GROUP_STROKE
                        : GraphPalette.stroke(look.status()), false);
                text(b, x.x() + 10, x.y() + ElkGraphLayouter.GROUP_TITLE / 2 + 8, "start", "bold", 12,
                        GraphPalette.TEXT, x.node().name() + "   " + look.detail());
            }
        }
        for (GraphLayout.Route p : l.edges()) {
            b.append("<polyline fill=\"none\" stroke=\"").append(GraphPalette.EDGE)
                    .append("\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\" points=\"");
            double[] pts = p.points();
            for (int i = 0; i + 1 < pts.length; i += 2) {
                b.append(i == 0 ? "" : " ").append(num(pts[i])).append(',').append(num(pts[i + 1]));
            }
            b.append("\"/>\n");
        }
        for (GraphLayout.Box x : l.boxes()) {
            if (!x.node().group() || x.collapsed()) {
                GraphViewModel.NodeLook look = looks.apply(x);
                String stroke = look.custom() && look.status() == LayerStatus.OK ? GraphPalette.CUSTOM
                        : GraphPalette.stroke(look.status());
                b.append("<g><title>").append(escape(x.node().id())).append("</title>\n");
                rect(b, x, GraphPainter.corner(x) / 2, GraphPalette.fill(look.status()), stroke, look.custom() || x.collapsed());
                double cx = x.x() + x.w() / 2;
                text(b, cx, x.y() + 18, "middle", "bold", 12, look.status().failing()
                        ? GraphPalette.stroke(LayerStatus.FAILS) : GraphPalette.TEXT, x.node().name());
                text(b, cx, x.y() + 34, "middle", "normal", 11, look.custom() ? GraphPalette.CUSTOM : GraphPalette.MUTED,
                        (look.custom() ? "◆ " : "") + look.detail());
                b.append("</g>\n");
            }
        }
        return b.append("</svg>\n").toString();
    }

    private static void rect(StringBuilder b, GraphLayout.Box x, double radius, String fill, String stroke, boolean dashed) {
        b.append("<rect x=\"").append(num(x.x())).append("\" y=\"").append(num(x.y())).append("\" width=\"")
                .append(num(x.w())).append("\" height=\"").append(num(x.h())).append("\" rx=\"").append(num(radius))
                .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append('"')
                .append(dashed ? " stroke-dasharray=\"5,3\"" : "").append("/>\n");
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String weight, int size, String fill,
                             String text) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-weight=\"").append(weight).append("\" font-size=\"").append(size)
                .append("\" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>\n");
    }

    private static String num(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    /** Text as XML character data: layer names may hold any character. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('?'); // not allowed in XML 1.0 even as a reference
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
