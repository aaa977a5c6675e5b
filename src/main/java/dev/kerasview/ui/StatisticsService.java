package dev.kerasview.ui;

import dev.kerasview.hdf5.TensorStore;
import dev.kerasview.model.VariableInfo;
import dev.kerasview.model.VariableStats;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/** Computes one variable's statistics and histogram in the background. */
public final class StatisticsService extends Service<VariableStats> {

    /** Histogram bins shown by the chart. */
    public static final int BINS = 40;

    private final TensorStore tensors;
    private VariableInfo variable;

    /** A service reading values from {@code tensors}. */
    public StatisticsService(TensorStore tensors) {
        this.tensors = tensors;
    }

    /** Starts over for {@code v}, cancelling a computation still running. */
    public void compute(VariableInfo v) {
        this.variable = v;
        restart();
    }

    @Override
    protected Task<VariableStats> createTask() {
        VariableInfo v = variable;
        return new Task<>() {
            @Override
            protected VariableStats call() throws Exception {
                return tensors.statistics(v, BINS);
            }
        };
    }
}
