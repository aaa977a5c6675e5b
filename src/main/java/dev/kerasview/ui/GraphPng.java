package dev.kerasview.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders the whole graph into a PNG file, scaled down when it would exceed the largest image size. */
final class GraphPng {

    /** Longest side of an exported image, in pixels (what a software-rendered canvas holds). */
    static final double MAX_SIDE = 8192;

    private GraphPng() {
    }

    /** Draws {@code scene} at up to twice its size and writes it to {@code file}. Runs on the FX thread. */
    static void write(GraphScene scene, GraphViewModel vm, Path file) throws IOException {
        double w = Math.max(1, scene.layout().width());
        double h = Math.max(1, scene.layout().height());
        double scale = Math.min(2, MAX_SIDE / Math.max(w, h));
        int iw = Math.max(1, (int) Math.ceil(w * scale));
        int ih = Math.max(1, (int) Math.ceil(h * scale));
        Canvas canvas = new Canvas(iw, ih);
        new GraphPainter().paint(canvas.getGraphicsContext2D(), scene, vm, scale, 0, 0, iw, ih);
        WritableImage image = canvas.snapshot(new SnapshotParameters(), new WritableImage(iw, ih));
        // javafx.swing's converter would be a module more for one copy loop
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[iw];
        for (int y = 0; y < ih; y++) {
            pixels.getPixels(0, y, iw, 1, PixelFormat.getIntArgbInstance(), row, 0, iw);
            out.setRGB(0, y, iw, 1, row, 0, iw);
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }
}
