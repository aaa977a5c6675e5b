package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.config.LayerConfig;

/**
 * Keras's {@code summary()} figures of every layer of a model config: output shapes through
 * the Sequential chain or the Functional graph, parameter counts from the config and
 * {@code build_config}, nested models summed, and the compute cost of each call.
 */
public final class ModelSummaries {

    private final LayerCatalog catalog = new LayerCatalog();
    private final OutputShapes shapes = new OutputShapes();
    private final ParamCounter params = new ParamCounter(catalog);
    private final MacCounter macs = new MacCounter(catalog, shapes);

    /**
     * The figures of a model and all the layers its config describes.
     *
     * @param modelEnvelope the model's serialized envelope ({@code config.json}'s root)
     * @param stored        the stored variables of layers the config alone does not describe
     */
    public FigureTable compute(JsonNode modelEnvelope, StoredParams stored) {
        FigureTable table = new FigureTable();
        if (modelEnvelope != null && modelEnvelope.isObject()) {
            new SummaryWalk(catalog, shapes, params, macs, table, stored)
                    .layer(new LayerConfig(modelEnvelope), null, false);
        }
        return table;
    }
}
