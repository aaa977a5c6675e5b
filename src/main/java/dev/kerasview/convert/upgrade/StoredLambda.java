package dev.kerasview.convert.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kerasview.convert.upgrade.python.MarshalText;
import java.util.Optional;

/**
 * The marshalled function of a Lambda config, in each form Keras wrote it: Keras 3's {@code __lambda__}
 * envelope ({@code code}, {@code defaults}, {@code closure}), Keras 2's {@code [code, defaults, closure]} list
 * with {@code function_type: "lambda"}, and Keras 1's bare code text.
 *
 * @param marshalled the marshal bytes
 * @param defaults   the stored default values (null or JSON null when none)
 * @param closure    the stored closure cells (null or JSON null when none)
 */
record StoredLambda(byte[] marshalled, JsonNode defaults, JsonNode closure) {

    /** The stored function of a Lambda config, or empty when it names a function instead. */
    static Optional<StoredLambda> of(JsonNode config) {
        JsonNode function = config.get("function");
        String type = Json.text(config.get("function_type"));
        if (function != null && function.isObject() && "__lambda__".equals(Json.text(function.get("class_name")))) {
            JsonNode c = function.path("config");
            String code = Json.text(c.get("code"));
            return code == null ? Optional.empty()
                    : Optional.of(new StoredLambda(MarshalText.bytes(code), c.get("defaults"), c.get("closure")));
        }
        if (function != null && function.isArray() && function.size() > 0 && function.get(0).isTextual()
                && ("lambda".equals(type) || type == null)) {
            return Optional.of(new StoredLambda(MarshalText.bytes(function.get(0).textValue()),
                    function.get(1), function.get(2)));
        }
        if (function != null && function.isTextual() && "lambda".equals(type)) {
            return Optional.of(new StoredLambda(MarshalText.bytes(function.textValue()), null, null));
        }
        return Optional.empty();
    }

    /** True when the function carries default values or closure cells. */
    boolean capturesValues() {
        return !Json.absent(defaults) && !(defaults.isArray() && defaults.isEmpty())
                || !Json.absent(closure) && !(closure.isArray() && closure.isEmpty());
    }
}
