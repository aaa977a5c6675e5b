package dev.kerasview.convert;

import dev.kerasview.diagnose.Diagnosis;
import dev.kerasview.model.Finding;
import dev.kerasview.model.ModelFile;
import java.util.List;

/** The conversions that can help a model, most useful first; none where no conversion can. */
public final class UsefulTargets {

    private UsefulTargets() {
    }

    /**
     * A Keras 3 model converts to every form; a legacy one (Keras 1, 2, tf.keras or Keras 3's own
     * legacy save) to a Keras 3 {@code .keras}; a file without architecture or weights to nothing.
     */
    public static List<ConversionTarget> of(ModelFile model) {
        return of(model, true, List.of());
    }

    /**
     * As {@link #of(ModelFile)}, once the file is diagnosed: a file Keras loads where the person's own
     * classes are registered gains nothing from a conversion, which cannot supply that code.
     */
    public static List<ConversionTarget> of(ModelFile model, boolean loads, List<Finding> findings) {
        if (loads && !Diagnosis.requires(findings).isEmpty()) {
            return List.of();
        }
        if (model == null || model.configJson() == null) {
            return List.of();
        }
        return switch (model.weightsLayout()) {
            case KERAS3 -> List.of(ConversionTarget.KERAS, ConversionTarget.H5, ConversionTarget.JSON);
            case LEGACY -> List.of(ConversionTarget.KERAS);
            default -> List.of();
        };
    }
}
