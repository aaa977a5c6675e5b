package dev.kerasview.convert.upgrade;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras 1 recurrent layers stored one array per gate; Keras 2 and 3 keep one kernel, recurrent kernel and
 * bias with the gates side by side on the last axis. The orders are those of Keras 2's
 * {@code preprocess_weights_for_loading} (keras/engine/saving.py, 2.2.4).
 */
final class RnnWeights {

    private RnnWeights() {
    }

    /**
     * The parts of a Keras 1 LSTM, GRU or ConvLSTM2D whose stored weights start at {@code offset},
     * or null when the class keeps its Keras 1 order (SimpleRNN: W, U, b).
     */
    static List<WeightPart> keras1(String className, int offset, int[] kernelTranspose) {
        // stored per gate as W, U, b; Keras 1 LSTM gate order i, c, f, o; Keras 2/3 wants i, f, c, o
        int[] gates = switch (className) {
            case "LSTM", "ConvLSTM2D" -> new int[] {0, 2, 1, 3};
            case "GRU" -> new int[] {0, 1, 2}; // z, r, h in both
            default -> null;
        };
        if (gates == null) {
            return null;
        }
        List<WeightPart> parts = new ArrayList<>();
        for (int slot = 0; slot < 3; slot++) {
            List<Integer> sources = new ArrayList<>();
            for (int gate : gates) {
                sources.add(offset + gate * 3 + slot);
            }
            int[] transpose = slot < 2 ? kernelTranspose : null;
            parts.add(new WeightPart(sources, -1, false, transpose));
        }
        return parts;
    }

    /** How many arrays a Keras 1 layer of this class stores. */
    static int keras1Count(String className) {
        return switch (className) {
            case "LSTM", "ConvLSTM2D" -> 12;
            case "GRU" -> 9;
            default -> 3;
        };
    }
}
