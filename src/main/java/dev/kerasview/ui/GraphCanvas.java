package dev.kerasview.ui;

import dev.kerasview.config.GraphEdge;
import dev.kerasview.config.GraphNode;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The graph drawn on one canvas the size of the view: pan by dragging, zoom with the wheel,
 * click to select, double-click a group to open or close it, and the keyboard (arrows follow
 * edges, + and - zoom, 0 fits, Enter opens or closes). A change marks the canvas dirty; it is
 * drawn once in the next layout pass, however many events arrived in between.
 */
final class GraphCanvas extends Region {

    /** Key of {@link #getProperties()} counting the frames drawn with a graph (read by the benchmark). */
    static final String FRAMES = "kerasview.graphFrames";
    private static final double MIN_SCALE = 0.0005;
    private static final double MAX_SCALE = 4;

    private final GraphViewModel vm;
    private final Canvas canvas = new Canvas();
    private final GraphPainter painter = new GraphPainter();
    private double scale = 1;
    private double tx;
    private double ty;
    private boolean dirty = true;
    private boolean placed;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private int frames;

    GraphCanvas(GraphViewModel vm) {
        this.vm = vm;
        setId("graphCanvas");
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        getChildren().add(canvas);
        setMinSize(0, 0);
        vm.sceneProperty().addListener((obs, old, s) -> {
            if (!placed && s != null) {
                placed = true;
                initialView();
            }
            redraw();
        });
        vm.selectedIdProperty().addListener((obs, old, id) -> {
            reveal(id);
            redraw();
        });
        vm.onLooksChanged(this::redraw);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
        setOnKeyPressed(this::key);
    }

    /** Marks the canvas for drawing in the next pulse. */
    void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (!placed && vm.sceneProperty().get() != null) {
                placed = true;
                initialView();
            }
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            GraphScene s = vm.sceneProperty().get();
            painter.paint(canvas.getGraphicsContext2D(), s, vm, scale, tx, ty, w, h);
            if (s != null) {
                getProperties().put(FRAMES, ++frames);
            }
        }
    }

    /** Whole graph in view when it is readable so; a big one starts at its inputs, at full size. */
    private void initialView() {
        GraphScene s = vm.sceneProperty().get();
        if (s == null || getWidth() <= 0) {
            placed = false;
            return;
        }
        double fit = fitScale(s);
        if (fit >= GraphPainter.TEXT_SCALE) {
            fit();
        } else {
            scale = 1;
            tx = Math.max(8, (getWidth() - s.layout().width()) / 2);
            ty = 8;
        }
    }

    private double fitScale(GraphScene s) {
        double w = Math.max(1, s.layout().width());
        double h = Math.max(1, s.layout().height());
        return Math.min(1.5, Math.min((getWidth() - 16) / w, (getHeight() - 16) / h));
    }

    /** The whole graph in view. */
    void fit() {
        GraphScene s = vm.sceneProperty().get();
        if (s == null) {
            return;
        }
        scale = clamp(fitScale(s));
        tx = (getWidth() - s.layout().width() * scale) / 2;
        ty = (getHeight() - s.layout().height() * scale) / 2;
        redraw();
    }

    /** Zooms by {@code factor} keeping screen point ({@code px}, {@code py}) in place. */
    void zoom(double factor, double px, double py) {
        double next = clamp(scale * factor);
        tx = px - (px - tx) * next / scale;
        ty = py - (py - ty) * next / scale;
        scale = next;
        redraw();
    }

    /** Zooms by {@code factor} around the view's centre. */
    void zoom(double factor) {
        zoom(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Moves the drawing by ({@code dx}, {@code dy}) screen pixels. */
    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        redraw();
    }

    /** Where node {@code id}'s centre is drawn, in this region's coordinates, or null when it has no box. */
    Point2D centre(String id) {
        GraphScene s = vm.sceneProperty().get();
        GraphLayout.Box b = s == null ? null : box(s, id);
        return b == null ? null : new Point2D((b.x() + b.w() / 2) * scale + tx, (b.y() + b.h() / 2) * scale + ty);
    }

    /** The current zoom. */
    double scale() {
        return scale;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    /** Scrolls node {@code id} into view when it is outside. */
    private void reveal(String id) {
        GraphScene s = vm.sceneProperty().get();
        GraphLayout.Box b = id == null || s == null ? null : box(s, id);
        if (b == null || getWidth() <= 0) {
            return;
        }
        double x0 = b.x() * scale + tx;
        double y0 = b.y() * scale + ty;
        double x1 = (b.x() + b.w()) * scale + tx;
        double y1 = (b.y() + b.h()) * scale + ty;
        if (x0 < 0 || y0 < 0 || x1 > getWidth() || y1 > getHeight()) {
            tx += getWidth() / 2 - (x0 + x1) / 2;
            ty += getHeight() / 2 - (y0 + y1) / 2;
        }
    }

    private static GraphLayout.Box box(GraphScene s, String id) {
        for (GraphLayout.Box b : s.layout().boxes()) {
            if (b.node().id().equals(id)) {
                return b;
            }
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragged = true;
        pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
    }

    private void released(MouseEvent e) {
        GraphScene s = vm.sceneProperty().get();
        if (dragged || s == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        GraphNode n = GraphPainter.hit(s, (e.getX() - tx) / scale, (e.getY() - ty) / scale);
        if (n != null && n.group() && e.getClickCount() == 2) {
            vm.toggle(n.id());
        }
        vm.selectedIdProperty().set(n == null ? null : n.id());
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown() || e.getDeltaX() == 0) {
            zoom(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        } else {
            pan(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoom(1.25);
            case MINUS, SUBTRACT -> zoom(0.8);
            case DIGIT0, NUMPAD0, F -> fit();
            case DOWN -> step(true);
            case UP -> step(false);
            case LEFT -> sideways(-1);
            case RIGHT -> sideways(1);
            case ENTER, SPACE -> {
                String id = vm.selectedIdProperty().get();
                GraphScene s = vm.sceneProperty().get();
                if (id != null && s != null && s.graph().byId().get(id) != null && s.graph().byId().get(id).group()) {
                    vm.toggle(id);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Selects the first node the selected one feeds (or is fed by); the first node when none is selected. */
    private void step(boolean forward) {
        GraphScene s = vm.sceneProperty().get();
        if (s == null || s.layout().boxes().isEmpty()) {
            return;
        }
        String id = vm.selectedIdProperty().get();
        if (id == null) {
            vm.selectedIdProperty().set(s.layout().boxes().get(0).node().id());
            return;
        }
        for (GraphLayout.Route p : s.layout().edges()) {
            GraphEdge edge = p.edge();
            if (forward && edge.from().equals(id)) {
                vm.selectedIdProperty().set(edge.to());
                return;
            }
            if (!forward && edge.to().equals(id)) {
                vm.selectedIdProperty().set(edge.from());
                return;
            }
        }
    }

    /** Selects the nearest box beside the selected one, in the same row. */
    private void sideways(int direction) {
        GraphScene s = vm.sceneProperty().get();
        String id = vm.selectedIdProperty().get();
        GraphLayout.Box at = s == null || id == null ? null : box(s, id);
        if (at == null) {
            step(true);
            return;
        }
        GraphLayout.Box best = null;
        double cy = at.y() + at.h() / 2;
        for (GraphLayout.Box b : s.layout().boxes()) {
            double dx = (b.x() - at.x()) * direction;
            if (b != at && dx > 0 && cy >= b.y() && cy <= b.y() + b.h()
                    && (best == null || dx < (best.x() - at.x()) * direction)) {
                best = b;
            }
        }
        if (best != null) {
            vm.selectedIdProperty().set(best.node().id());
        }
    }
}
