package dev.kerasview.model;

import java.util.Locale;

/** How serious a finding is: an error means Keras would refuse the file. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case name used in JSON output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
