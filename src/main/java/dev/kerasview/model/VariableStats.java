package dev.kerasview.model;

import java.util.List;

/**
 * Statistics of one variable's stored values, computed in float64.
 *
 * @param count     number of elements
 * @param sum       sum of all finite and non-finite values (NaN if any value is NaN)
 * @param min       smallest non-NaN value
 * @param max       largest non-NaN value
 * @param mean      sum / count
 * @param std       population standard deviation
 * @param zeros     number of elements equal to zero
 * @param nans      number of NaN elements
 * @param histogramMin lower edge of the first histogram bin
 * @param histogramMax upper edge of the last histogram bin
 * @param histogram counts of finite values in equal-width bins between min and max
 */
public record VariableStats(long count, double sum, double min, double max, double mean,
                            double std, long zeros, long nans, double histogramMin,
                            double histogramMax, List<Long> histogram) {

    public VariableStats {
        histogram = List.copyOf(histogram);
    }
}
