package dev.kerasview.convert;

import dev.kerasview.catalog.KerasRelease;
import java.nio.file.Path;

/**
 * What to convert and where.
 *
 * @param input         the model file (a .keras archive or folder)
 * @param weights       a separate weights file paired with the input, or null
 * @param target        legacy .h5 or JSON + weights
 * @param weightsFormat layout of the weights beside a JSON (ignored for .h5)
 * @param output        the .h5, or the .json for JSON; null for beside the input with its stem
 * @param force         replace existing outputs
 * @param allowMissing  write even when some layers' weights are absent from the input
 * @param allowCustomCode write an output that loads only where the person's own classes are registered
 * @param targetKeras   for a .keras output, the older Keras version it must load in; null for
 *                      the newest modelled version's own form
 * @param maxShardSize  write sharded Keras 3 weights ({@code <stem>.weights.json} + shards of at
 *                      most this size) beside a JSON architecture; null for one file
 */
public record ConversionRequest(Path input, Path weights, ConversionTarget target,
                                WeightsFormat weightsFormat, Path output, boolean force,
                                boolean allowMissing, boolean allowCustomCode, KerasRelease targetKeras,
                                ShardLimit maxShardSize) {

    /** A request for one output file (no shards). */
    public ConversionRequest(Path input, Path weights, ConversionTarget target, WeightsFormat weightsFormat,
                             Path output, boolean force, boolean allowMissing, boolean allowCustomCode,
                             KerasRelease targetKeras) {
        this(input, weights, target, weightsFormat, output, force, allowMissing, allowCustomCode, targetKeras, null);
    }

    /** True when the weights are written in shards. */
    public boolean sharded() {
        return maxShardSize != null;
    }

    /** A request for the newest modelled Keras version's form. */
    public ConversionRequest(Path input, Path weights, ConversionTarget target, WeightsFormat weightsFormat,
                             Path output, boolean force, boolean allowMissing, boolean allowCustomCode) {
        this(input, weights, target, weightsFormat, output, force, allowMissing, allowCustomCode, null);
    }

    /** A request that refuses outputs needing the person's own code. */
    public ConversionRequest(Path input, Path weights, ConversionTarget target, WeightsFormat weightsFormat,
                             Path output, boolean force, boolean allowMissing) {
        this(input, weights, target, weightsFormat, output, force, allowMissing, false);
    }
}
