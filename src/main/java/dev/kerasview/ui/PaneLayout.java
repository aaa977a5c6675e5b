package dev.kerasview.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The divider positions every tab shares: moving one in a tab moves it in all, and the window
 * remembers them across starts.
 */
public final class PaneLayout {

    /**
     * Divider positions as fractions.
     *
     * @param tree      layer tree | right-hand panes
     * @param findings  findings | layer details (when there are findings)
     * @param variables variables table | statistics and histogram
     */
    public record Positions(double tree, double findings, double variables) {

        /** Room for the data at 1280×800: a few findings, several variable rows and the whole histogram. */
        static final Positions DEFAULT = new Positions(0.50, 0.34, 0.42);
    }

    private final DoubleProperty tree = new SimpleDoubleProperty();
    private final DoubleProperty findings = new SimpleDoubleProperty();
    private final DoubleProperty variables = new SimpleDoubleProperty();

    /** A layout starting at {@code p}. */
    public PaneLayout(Positions p) {
        set(p);
    }

    /** Moves every divider to {@code p}. */
    public void set(Positions p) {
        tree.set(p.tree());
        findings.set(p.findings());
        variables.set(p.variables());
    }

    /** The dividers' positions now. */
    public Positions positions() {
        return new Positions(tree.get(), findings.get(), variables.get());
    }

    /** Layer tree | right-hand panes. */
    public DoubleProperty treeProperty() {
        return tree;
    }

    /** Findings | details. */
    public DoubleProperty findingsProperty() {
        return findings;
    }

    /** Variables table | statistics. */
    public DoubleProperty variablesProperty() {
        return variables;
    }
}
