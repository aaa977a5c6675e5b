package dev.kerasview.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's legacy HDF5 reader cannot read bfloat16 datasets ("No cast function available"), but
 * assigns float32 values to bfloat16 variables. Every bfloat16 value is a float32 value, so the
 * legacy layouts carry such weights widened to float32: exact, and Keras casts them back on load.
 */
final class Bfloat16Widening {

    private final DerivedTensors tensors;

    Bfloat16Widening(DerivedTensors tensors) {
        this.tensors = tensors;
    }

    /** The plan with every bfloat16 weight replaced by its float32 copy; notes say which. */
    WeightPlan apply(WeightPlan plan, List<String> notes) throws ConversionException {
        List<PlannedLayer> layers = new ArrayList<>();
        int widened = 0;
        try {
            for (PlannedLayer l : plan.layers()) {
                List<PlannedWeight> weights = new ArrayList<>();
                for (PlannedWeight w : l.weights()) {
                    if ("bfloat16".equals(w.source().dtype())) {
                        byte[] f32 = TensorOps.bfloat16ToFloat32(tensors.read(w.source()));
                        weights.add(new PlannedWeight(w.name(), tensors.add(w.source().name(), w.source().shape(),
                                "float32", f32), w.trainable()));
                        widened++;
                    } else {
                        weights.add(w);
                    }
                }
                layers.add(new PlannedLayer(l.name(), l.className(), l.sourcePath(), l.repaired(), l.missing(), weights));
            }
        } catch (IOException e) {
            throw new ConversionException("reading a bfloat16 weight failed (" + e.getMessage() + "); nothing was written", e);
        }
        if (widened == 0) {
            return plan;
        }
        notes.add(widened + " bfloat16 weight(s) stored as float32, which Keras's legacy reader reads and casts back "
                + "to bfloat16 exactly (it cannot read bfloat16 datasets)");
        return new WeightPlan(layers, plan.optimizerName(), plan.optimizerWeights(), plan.notes(), plan.unplaced());
    }
}
