package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.model.LayerFigures;
import java.util.IdentityHashMap;
import java.util.Map;

/** The figures of each layer of one model config, found by the layer's envelope object. */
public final class FigureTable {

    private final Map<JsonNode, LayerFigures> byEnvelope = new IdentityHashMap<>();

    /** An empty table: no layer has figures. */
    public FigureTable() {
    }

    void put(JsonNode envelope, LayerFigures figures) {
        byEnvelope.put(envelope, figures);
    }

    /** The figures of the layer serialized as {@code envelope} (this very object), or null. */
    public LayerFigures of(JsonNode envelope) {
        return envelope == null ? null : byEnvelope.get(envelope);
    }
}
