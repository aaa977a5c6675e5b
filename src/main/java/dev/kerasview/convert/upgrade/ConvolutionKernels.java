package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Convolution kernels whose stored layout is not Keras 3's: Theano-trained kernels (flipped, as Keras 2's
 * {@code convert_kernel} did for Conv1D/2D/3D, Conv2DTranspose and ConvLSTM2D) and Keras 1 kernels stored in
 * Theano's channels-first axis order.
 */
final class ConvolutionKernels {

    /** The classes Keras 2 flipped when the weights came from Theano. */
    static final Set<String> FLIPPED = Set.of("Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "ConvLSTM2D");

    private ConvolutionKernels() {
    }

    /**
     * The axis permutation from a Keras 1 kernel to Keras 3's, or null when it is already in Keras 3's order.
     *
     * @throws UpgradeRefusedException for Keras 1 Conv1D kernels, whose extra axis needs a reshape
     */
    static int[] keras1Transpose(String className, JsonNode config, String layerName) throws UpgradeRefusedException {
        boolean channelsFirst = "channels_first".equals(Json.text(config.get("data_format")));
        return switch (className) {
            case "Conv1D" -> throw new UpgradeRefusedException(Reason.INEXACT, List.of(layerName),
                    "Conv1D '" + layerName + "' comes from Keras 1, which stored 1-D kernels with an extra axis that"
                            + " only a reshape removes; kerasview's converter cannot reshape weights yet. Load the file"
                            + " in Keras 2, save it again and convert that file.");
            case "Conv2D", "ConvLSTM2D" -> channelsFirst ? new int[] {2, 3, 1, 0} : null;
            case "Conv3D" -> channelsFirst ? new int[] {2, 3, 4, 1, 0} : null;
            case "Conv2DTranspose" -> channelsFirst ? new int[] {2, 3, 0, 1} : new int[] {0, 1, 3, 2};
            default -> null;
        };
    }
}
