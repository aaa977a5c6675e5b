package dev.kerasview.hdf5;

import dev.kerasview.model.VariableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/** First pass over values: count, sum, extremes, zeros, NaNs and a running variance. */
final class StatisticsAccumulator implements DoubleConsumer {

    private long count;
    private long nans;
    private long zeros;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    @Override
    public void accept(double v) {
        count++;
        sum += v;
        if (Double.isNaN(v)) {
            nans++;
            return;
        }
        if (v == 0) {
            zeros++;
        }
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        double d = v - mean;
        long n = count - nans;
        mean += d / n;
        m2 += d * (v - mean);
    }

    /** Histogram edges for the second pass: finite extremes, or null when nothing to bin. */
    double[] histogramRange() {
        if (count - nans == 0 || !Double.isFinite(min) || !Double.isFinite(max)) {
            return null;
        }
        return new double[] {min, max};
    }

    VariableStats result(long[] histogram, double[] range) {
        long valid = count - nans;
        double std = valid == 0 ? Double.NaN : Math.sqrt(m2 / valid);
        if (nans > 0) {
            std = Double.NaN;
        }
        List<Long> h = new ArrayList<>();
        if (histogram != null) {
            for (long x : histogram) {
                h.add(x);
            }
        }
        return new VariableStats(count, sum, valid == 0 ? Double.NaN : min,
                valid == 0 ? Double.NaN : max, count == 0 ? Double.NaN : sum / count, std, zeros,
                nans, range == null ? Double.NaN : range[0], range == null ? Double.NaN : range[1],
                h);
    }

    /** Second pass: equal-width bins between the extremes of the first pass. */
    static final class Histogram implements DoubleConsumer {
        private final long[] bins;
        private final double lo;
        private final double width;

        Histogram(int n, double lo, double hi) {
            this.bins = new long[n];
            this.lo = lo;
            this.width = (hi - lo) / n;
        }

        @Override
        public void accept(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            int i = width == 0 ? 0 : (int) ((v - lo) / width);
            bins[Math.max(0, Math.min(bins.length - 1, i))]++;
        }

        long[] bins() {
            return bins;
        }
    }
}
