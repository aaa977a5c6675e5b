package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bidirectional and TimeDistributed: the wrapped layer configs are upgraded like any other layer. */
final class Wrappers {

    private Wrappers() {
    }

    static void upgrade(ObjectNode config, String className, LayerUpgrader layers) throws UpgradeRefusedException {
        if (config.has("layer")) {
            config.set("layer", layers.layer(config.get("layer"), false, false));
        }
        if ("Bidirectional".equals(className) && config.has("backward_layer") && !config.get("backward_layer").isNull()) {
            config.set("backward_layer", layers.layer(config.get("backward_layer"), false, false));
        }
    }
}
