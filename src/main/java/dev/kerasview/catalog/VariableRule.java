package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How one built-in class derives its own variables from its config and build shapes. */
@FunctionalInterface
interface VariableRule {

    /** The variables in saved order. */
    List<VariableSpec> variables(JsonNode config, BuildShapes shapes);
}
