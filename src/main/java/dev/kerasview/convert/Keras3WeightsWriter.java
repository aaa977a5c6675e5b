package dev.kerasview.convert;

import dev.kerasview.hdf5.writer.AttributeValue;
import dev.kerasview.hdf5.writer.DatasetWriter;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.StringEncoding;
import dev.kerasview.model.H5Dataset;
import dev.kerasview.model.H5Group;
import dev.kerasview.model.VariableInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a Keras 3 weights file ({@code *.weights.h5}): the source store's groups, their
 * {@code name} attributes and datasets, in the same layout Keras's save walk produced.
 */
final class Keras3WeightsWriter {

    private final TensorCopier copier;
    private final Map<String, VariableInfo> variables;

    Keras3WeightsWriter(TensorCopier copier, Map<String, VariableInfo> variables) {
        this.copier = copier;
        this.variables = variables;
    }

    void write(GroupWriter target, H5Group source) throws IOException {
        copyAttributes(source.attributes(), target);
        for (H5Dataset d : source.datasets()) {
            VariableInfo v = variables.getOrDefault(d.path(),
                    new VariableInfo(d.key(), d.shape(), d.dtype(), d.byteSize(), true, d.path(), null));
            long[] shape = d.shape().stream().mapToLong(Long::longValue).toArray();
            DatasetWriter dw = target.dataset(d.key(), d.dtype(), shape, copier.dataSource(v, d.path()));
            if ("bfloat16".equals(d.dtype())) {
                dw.attribute("dtype", AttributeValue.string("bfloat16", StringEncoding.VLEN_UTF8));
            }
        }
        for (H5Group g : source.groups()) {
            write(target.group(g.key()), g);
        }
    }

    private static void copyAttributes(Map<String, Object> attributes, GroupWriter target) {
        attributes.forEach((k, v) -> {
            if (v instanceof String s) {
                target.attribute(k, AttributeValue.string(s, StringEncoding.VLEN_UTF8));
            } else if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
                target.attribute(k, AttributeValue.strings(list.stream().map(String::valueOf).toList(),
                        StringEncoding.VLEN_UTF8));
            }
        });
    }
}
