package dev.kerasview.ui;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.VariableInfo;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/** Computes one variable's statistics and histogram in the background. */
public final class StatisticsService extends Service<VariableValues> {

    /** Histogram bins shown by the chart. */
    public static final int BINS = 40;

    private final TensorStore tensors;
    private VariableInfo variable;
    private Long int4Length;

    /** A service reading values from {@code tensors}. */
    public StatisticsService(TensorStore tensors) {
        this.tensors = tensors;
    }

    /**
     * Starts over for {@code v}, cancelling a computation still running; {@code int4Length} is the last
     * dimension Keras unpacks an int4-packed {@code v} to, or null.
     */
    public void compute(VariableInfo v, Long int4Length) {
        this.variable = v;
        this.int4Length = int4Length;
        restart();
    }

    @Override
    protected Task<VariableValues> createTask() {
        VariableInfo v = variable;
        Long length = int4Length;
        return new Task<>() {
            @Override
            protected VariableValues call() throws Exception {
                return new VariableValues(tensors.statistics(v, BINS),
                        length == null ? null : tensors.int4Statistics(v, length));
            }
        };
    }
}
