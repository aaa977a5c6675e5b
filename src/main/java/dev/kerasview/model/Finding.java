package dev.kerasview.model;

import java.util.List;

/**
 * One statement about a file: a predicted load failure, a warning, or a fact worth knowing.
 *
 * @param severity  error (Keras would refuse the file), warning or info
 * @param code      stable identifier such as {@code VARIABLE_COUNT}, {@code OPTIMIZER_STATE}
 * @param layer     the layer's own name, or null when the finding is about the whole file
 * @param className the class concerned (for custom objects: the name the loading code must
 *                  register), or null
 * @param path      the weights path concerned, or null
 * @param expected  what Keras expects: a count (Long), a shape (List of Long) or null
 * @param found     what the file holds, in the same form, or null
 * @param message   Keras's own message where Keras has one, else a plain statement
 * @param cause     the cause in one plain sentence
 * @param remedies  what a person can do, most useful first
 */
public record Finding(Severity severity, String code, String layer, String className,
                      String path, Object expected, Object found, String message, String cause,
                      List<String> remedies) {

    public Finding {
        remedies = List.copyOf(remedies);
    }
}
