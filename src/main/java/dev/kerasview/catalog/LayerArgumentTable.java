package dev.kerasview.catalog;

import java.util.Set;

/**
 * The constructor arguments of each built-in layer of one Keras version, from the version table
 * derived from the Keras sources: every keyword its constructor (and the base Layer's) accepts,
 * and the ones it requires. One table serves the load replay and the config upgrader.
 */
public final class LayerArgumentTable {

    /**
     * Among a class's accepted keywords: its constructor takes {@code **kwargs} and drops what it
     * does not use (InputLayer), so every keyword is accepted.
     */
    public static final String ANY_KEYWORD = "**";

    private final KerasRelease release;

    /** The newest modelled Keras version's layers. */
    public LayerArgumentTable() {
        this(new KerasVersionTable().newest());
    }

    /** The layers of the given Keras version. */
    public LayerArgumentTable(KerasRelease release) {
        this.release = release;
    }

    /** The version this table describes. */
    public KerasRelease release() {
        return release;
    }

    /** True when the class is a built-in layer of this version. */
    public boolean isLayer(String className) {
        return release.resolves(ObjectKind.LAYER, className);
    }

    /** The keywords the class accepts, or null when the class is not in the table. */
    public Set<String> accepted(String className) {
        return release.accepted(ObjectKind.LAYER, className);
    }

    /** The arguments the class's constructor requires, in order; empty when none or unknown. */
    public Set<String> required(String className) {
        return release.required(ObjectKind.LAYER, className);
    }
}
