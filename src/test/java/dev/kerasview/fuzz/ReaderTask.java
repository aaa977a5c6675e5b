package dev.kerasview.fuzz;

import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.formats.ModelReader;
import dev.kerasview.formats.OpenModel;
import dev.kerasview.formats.UnreadableFileException;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Opens a file with {@link ModelReader}, reads the statistics of every (reasonably sized)
 * variable the way {@code inspect --stats} and the window do, and runs the {@link Diagnoser} on
 * it. Exit 0: opened; 2: refused with {@link UnreadableFileException} (its message on
 * {@code err}). Any other throwable escapes, and that is a defect: the reader's contract allows
 * only {@code UnreadableFileException}, and the diagnoser must judge anything the reader opened.
 */
record ReaderTask(Path file, Diagnoser diagnoser) implements InProcessRunner.Task {

    /** Variables bigger than this are not read: a damaged shape may declare terabytes. */
    private static final long MAX_ELEMENTS = 4_000_000;

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        try (OpenModel m = ModelReader.open(file, null)) {
            int read = 0;
            int refused = 0;
            Deque<LayerNode> todo = new ArrayDeque<>();
            todo.push(m.model().root());
            while (!todo.isEmpty()) {
                LayerNode node = todo.pop();
                node.children().forEach(todo::push);
                for (VariableInfo v : node.variables()) {
                    if (v.elementCount() < 0 || v.elementCount() > MAX_ELEMENTS) {
                        continue;
                    }
                    try {
                        m.tensors().statistics(v, 16);
                        read++;
                    } catch (IOException e) {
                        // a damaged dataset may refuse to be read; the message must still be readable
                        if (e.getMessage() == null || e.getMessage().isBlank()) {
                            throw new IllegalStateException("IOException without a message reading " + v.path(), e);
                        }
                        refused++;
                    }
                }
            }
            Diagnosis verdict = diagnoser.diagnose(m.model());
            if (!verdict.loads() && verdict.findings().stream().allMatch(f -> f.message() == null || f.message().isBlank())) {
                throw new IllegalStateException("the diagnoser says the file does not load without saying why");
            }
            out.println("opened " + m.model().format() + ", " + read + " variables read, " + refused + " refused, "
                    + m.model().problems().size() + " problems");
            return 0;
        } catch (UnreadableFileException e) {
            err.println(e.getMessage());
            Diagnosis verdict = diagnoser.unreadable(file, e.getMessage());
            if (verdict.loads()) {
                throw new IllegalStateException("the diagnoser says an unreadable file loads");
            }
            return 2;
        }
    }
}
