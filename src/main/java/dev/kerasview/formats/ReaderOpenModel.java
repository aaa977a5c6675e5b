package dev.kerasview.formats;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.ModelFile;
import java.util.ArrayDeque;
import java.util.List;

/** An {@link OpenModel} over the resources a reader opened; closing releases them in reverse. */
final class ReaderOpenModel implements OpenModel {

    private final ModelFile model;
    private final TensorStore tensors;
    private final Resources resources;

    ReaderOpenModel(ModelFile model, TensorStore tensors, Resources resources) {
        this.model = model;
        this.tensors = tensors;
        this.resources = resources;
    }

    @Override
    public ModelFile model() {
        return model;
    }

    @Override
    public TensorStore tensors() {
        return tensors;
    }

    @Override
    public void close() {
        resources.close();
    }

    /** Things to close when the model is closed (files, channels, temp files), last first. */
    static final class Resources implements AutoCloseable {
        private final ArrayDeque<AutoCloseable> stack = new ArrayDeque<>();

        <T extends AutoCloseable> T add(T c) {
            stack.push(c);
            return c;
        }

        void addAll(List<? extends AutoCloseable> cs) {
            cs.forEach(stack::push);
        }

        @Override
        public void close() {
            while (!stack.isEmpty()) {
                try {
                    stack.pop().close();
                } catch (Exception e) {
                    // Closing is best effort; the data was already read.
                }
            }
        }
    }
}
