package dev.kerasview.model;

import java.util.Arrays;
import java.util.List;

/**
 * One statement about a file: a predicted load failure, a warning, or a fact worth knowing.
 * Built through {@link #error}, {@link #warning} or {@link #info}, naming only what applies.
 *
 * @param severity  error (Keras would refuse the file), warning or info
 * @param code      what the finding is about, such as {@code VARIABLE_COUNT}
 * @param layer     the layer's own name, or null when the finding is about the whole file
 * @param className the class concerned (for custom objects: the name the loading code must
 *                  register), or null
 * @param path      the weights path concerned, or null
 * @param expected  what Keras expects: a count (Long), a shape (List of Long) or null
 * @param found     what the file holds: a count, a shape, a dtype or alias (String), or null
 * @param message   Keras's own message where Keras has one, else a plain statement
 * @param cause     the cause in one plain sentence
 * @param remedies  what a person can do, most useful first
 */
public record Finding(Severity severity, FindingCode code, String layer, String className,
                      String path, Object expected, Object found, String message, String cause,
                      List<String> remedies) {

    public Finding {
        remedies = List.copyOf(remedies);
    }

    /** A finding of the given severity. */
    public static Builder of(Severity severity, FindingCode code) {
        return new Builder(severity, code);
    }

    /** A finding that Keras would refuse the file. */
    public static Builder error(FindingCode code) {
        return of(Severity.ERROR, code);
    }

    /** A finding that the file loads, but not entirely as saved. */
    public static Builder warning(FindingCode code) {
        return of(Severity.WARNING, code);
    }

    /** A fact worth knowing. */
    public static Builder info(FindingCode code) {
        return of(Severity.INFO, code);
    }

    /** kerasview itself failed while diagnosing; {@code detail} is the failure in one line. */
    public static Finding internalError(String detail) {
        return error(FindingCode.INTERNAL_ERROR)
                .message("kerasview could not finish the diagnosis: " + detail)
                .cause("A defect in kerasview, not necessarily in the file.")
                .remedies("Report the file and this message to the kerasview maintainers.")
                .build();
    }

    /** This finding with another severity. */
    public Finding withSeverity(Severity s) {
        return new Finding(s, code, layer, className, path, expected, found, message, cause,
                remedies);
    }

    /** This finding with another message. */
    public Finding withMessage(String m) {
        return new Finding(severity, code, layer, className, path, expected, found, m, cause,
                remedies);
    }

    /** Collects the parts that apply to one finding; the rest stay null. */
    public static final class Builder {
        private final Severity severity;
        private final FindingCode code;
        private String layer;
        private String className;
        private String path;
        private Object expected;
        private Object found;
        private String message;
        private String cause;
        private List<String> remedies = List.of();

        private Builder(Severity severity, FindingCode code) {
            this.severity = severity;
            this.code = code;
        }

        /** The layer's own name. */
        public Builder layer(String name) {
            this.layer = name;
            return this;
        }

        /** The class concerned. */
        public Builder className(String name) {
            this.className = name;
            return this;
        }

        /** The weights path concerned. */
        public Builder path(String p) {
            this.path = p;
            return this;
        }

        /** What Keras expects: a count (Long) or a shape (List of Long). */
        public Builder expected(Object value) {
            this.expected = value;
            return this;
        }

        /** What the file holds: a count, a shape or a dtype. */
        public Builder found(Object value) {
            this.found = value;
            return this;
        }

        /** Keras's own message, else a plain statement. */
        public Builder message(String text) {
            this.message = text;
            return this;
        }

        /** The cause in one plain sentence. */
        public Builder cause(String text) {
            this.cause = text;
            return this;
        }

        /** What a person can do, most useful first. */
        public Builder remedies(String... r) {
            return remedies(Arrays.asList(r));
        }

        /** What a person can do, most useful first. */
        public Builder remedies(List<String> r) {
            this.remedies = r;
            return this;
        }

        /** The finding. */
        public Finding build() {
            return new Finding(severity, code, layer, className, path, expected, found, message,
                    cause, remedies);
        }
    }
}
