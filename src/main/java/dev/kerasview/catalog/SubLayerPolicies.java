package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dtype policy a composite layer hands each sub-layer it builds: its own policy, or, for a
 * {@code DTypePolicyMap}, the entry at the sub-layer's path ({@code mha/query}) or the map's
 * default. A quantized entry makes the sub-layer create its quantized variables.
 */
final class SubLayerPolicies {

    private final JsonNode dtype;
    private final String owner;

    SubLayerPolicies(JsonNode ownerConfig) {
        this.dtype = ownerConfig == null ? null : ownerConfig.get("dtype");
        this.owner = Dims.text(ownerConfig, "name", "");
    }

    /** The policy for the sub-layer named {@code name}, or null when the owner sets none. */
    JsonNode of(String name) {
        if (dtype == null || dtype.isNull()) {
            return null;
        }
        if (!"DTypePolicyMap".equals(Dims.text(dtype, "class_name", ""))) {
            return dtype;
        }
        JsonNode map = dtype.path("config");
        JsonNode entry = map.path("policy_map").get(owner + "/" + name);
        if (entry != null && !entry.isNull()) {
            return entry;
        }
        JsonNode fallback = map.get("default_policy");
        return fallback == null || fallback.isNull() ? null : fallback;
    }
}
