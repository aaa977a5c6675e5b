package dev.kerasview.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Simulates files dropped from outside the window (the robot cannot drive a drag from the
 * desktop): fires DRAG_OVER and DRAG_DROPPED whose Dragboard carries the file list.
 */
final class FileDrop {

    private FileDrop() {
    }

    /** Drops {@code files} on {@code target}; call on the JavaFX thread. Returns whether the drop completed. */
    static boolean drop(Node target, List<Path> files) throws Exception {
        Class.forName(Dragboard.class.getName(), true, Dragboard.class.getClassLoader());
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        var center = target.localToScene(target.getLayoutBounds().getCenterX(), target.getLayoutBounds().getCenterY());
        Event.fireEvent(target, new DragEvent(DragEvent.DRAG_OVER, board, center.getX(), center.getY(),
                center.getX(), center.getY(), TransferMode.COPY, null, target, null));
        DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, board, center.getX(), center.getY(),
                center.getX(), center.getY(), TransferMode.COPY, null, target, null);
        Event.fireEvent(target, drop);
        return drop.isDropCompleted();
    }

    /** A clipboard held in memory, standing in for the system's drag clipboard. */
    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> p : pairs) {
                content.put(p.getKey(), p.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat f) {
            return content.get(f);
        }

        @Override
        public boolean hasContent(DataFormat f) {
            return content.containsKey(f);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double v) {
        }

        @Override
        public void setDragViewOffsetY(double v) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

}
