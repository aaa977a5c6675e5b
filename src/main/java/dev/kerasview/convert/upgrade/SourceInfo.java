package dev.kerasview.convert.upgrade;

/**
 * What the legacy file says about where it came from.
 *
 * @param kerasVersion the h5 {@code keras_version} attribute or JSON {@code keras_version}
 *                     ("1.2.2", "2.1.3", "2.15.0", "3.9.2"), or null
 * @param backend      "tensorflow", "theano", ... or null
 */
public record SourceInfo(String kerasVersion, String backend) {

    /** The major Keras version the file names, or 0 when it names none. */
    public int kerasMajor() {
        if (kerasVersion == null || kerasVersion.isEmpty() || !Character.isDigit(kerasVersion.charAt(0))) {
            return 0;
        }
        int dot = kerasVersion.indexOf('.');
        String head = dot < 0 ? kerasVersion : kerasVersion.substring(0, dot);
        try {
            return Integer.parseInt(head);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when the weights were written by Theano, whose convolutions flip their kernels. */
    public boolean theano() {
        return "theano".equals(backend);
    }
}
