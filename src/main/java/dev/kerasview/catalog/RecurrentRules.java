package dev.kerasview.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The variables of recurrent cells; the RNN layers themselves own none. */
final class RecurrentRules {

    private RecurrentRules() {
    }

    static VariableRule cell(int gates) {
        return (config, shapes) -> {
            Long in = Dims.at(shapes.input(), -1);
            Long units = Dims.optionalInt(config, "units");
            Long width = Dims.times(units, (long) gates);
            List<VariableSpec> out = new ArrayList<>();
            out.add(new VariableSpec("kernel", Dims.of(in, width), true));
            out.add(new VariableSpec("recurrent_kernel", Dims.of(units, width), true));
            if (Dims.flag(config, "use_bias", true)) {
                boolean resetAfter = gates == 3 && Dims.flag(config, "reset_after", true);
                out.add(new VariableSpec("bias", resetAfter ? Dims.of(2L, width)
                        : Dims.of(width), true));
            }
            return out;
        };
    }
}
