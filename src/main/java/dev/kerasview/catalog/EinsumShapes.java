package dev.kerasview.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernel and bias shapes of an EinsumDense layer, following Keras's analysis of the equation
 * (no ellipsis, ellipsis on the left, or ellipsis on the right of the input spec).
 *
 * @param kernel the kernel shape, or null when unknown
 * @param bias   the bias shape, or null when there is no bias or it is unknown
 */
record EinsumShapes(List<Long> kernel, List<Long> bias) {

    private static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");
    private static final Pattern LEFT = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
    private static final Pattern RIGHT =
            Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

    /**
     * Analyses an equation.
     *
     * @param equation    {@code abc,cd->abd}
     * @param biasAxes    bias letters, or null
     * @param inputShape  full input shape including the batch dimension
     * @param outputShape the configured output shape without the batch dimension
     */
    static EinsumShapes analyse(String equation, String biasAxes, List<Long> inputShape,
                                List<Long> outputShape) {
        if (equation == null || inputShape == null || outputShape == null) {
            return new EinsumShapes(null, null);
        }
        String dotted = equation.replace("...", "0");
        Matcher m = PLAIN.matcher(dotted);
        if (m.matches()) {
            return split(m, biasAxes, inputShape, outputShape, false);
        }
        m = LEFT.matcher(dotted);
        if (m.matches()) {
            return split(m, biasAxes, inputShape, outputShape, true);
        }
        m = RIGHT.matcher(dotted);
        if (m.matches()) {
            return split(m, biasAxes, inputShape, outputShape, false);
        }
        return new EinsumShapes(null, null);
    }

    private static EinsumShapes split(Matcher m, String biasAxes, List<Long> input,
                                      List<Long> configuredOutput, boolean leftElided) {
        String inputSpec = m.group(1);
        String weightSpec = m.group(2);
        String outputSpec = m.group(3);
        int elided = input.size() - inputSpec.length();
        List<Long> output = new ArrayList<>(configuredOutput);
        output.add(0, input.get(0));
        if (elided > 0 && leftElided) {
            for (int i = 1; i < elided; i++) {
                output.add(1, input.get(i));
            }
        } else if (elided > 0) {
            for (int i = input.size() - elided; i < input.size(); i++) {
                output.add(input.get(i));
            }
        }
        Map<Character, Integer> inputIndex = new HashMap<>();
        Map<Character, Integer> outputIndex = new HashMap<>();
        for (int i = 0; i < inputSpec.length(); i++) {
            int idx = leftElided ? (i + elided) - input.size() : i;
            inputIndex.put(inputSpec.charAt(i), idx < 0 ? idx + input.size() : idx);
        }
        for (int i = 0; i < outputSpec.length(); i++) {
            outputIndex.put(outputSpec.charAt(i), leftElided ? i + elided : i);
        }
        List<Long> kernel = new ArrayList<>();
        for (char c : weightSpec.toCharArray()) {
            Integer in = inputIndex.get(c);
            Integer out = outputIndex.get(c);
            if (in != null && in < input.size()) {
                kernel.add(input.get(in));
            } else if (out != null && out < output.size()) {
                kernel.add(output.get(out));
            } else {
                return new EinsumShapes(null, null);
            }
        }
        List<Long> bias = null;
        if (biasAxes != null && !biasAxes.isEmpty()) {
            int first = Integer.MAX_VALUE;
            for (char c : biasAxes.toCharArray()) {
                int at = outputSpec.indexOf(c);
                if (at < 0) {
                    return new EinsumShapes(Dims.known(kernel), null);
                }
                first = Math.min(first, at);
            }
            bias = new ArrayList<>();
            for (char c : outputSpec.substring(first).toCharArray()) {
                int at = outputIndex.get(c);
                bias.add(biasAxes.indexOf(c) >= 0 ? (at < output.size() ? output.get(at) : null)
                        : Long.valueOf(1));
            }
            if (!leftElided) {
                for (int i = 0; i < elided; i++) {
                    bias.add(1L);
                }
            }
        }
        return new EinsumShapes(Dims.known(kernel), Dims.known(bias));
    }
}
