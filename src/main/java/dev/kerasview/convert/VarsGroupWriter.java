package dev.kerasview.convert;

import dev.kerasview.hdf5.writer.AttributeValue;
import dev.kerasview.hdf5.writer.DatasetWriter;
import dev.kerasview.hdf5.writer.GroupWriter;
import dev.kerasview.hdf5.writer.StringEncoding;
import java.io.IOException;
import java.util.List;

/**
 * Writes one object's {@code <path>/vars} group of a Keras 3 weights file as Keras's
 * {@code H5IOStore} does: the {@code name} attribute, then datasets named by variable index
 * ({@code bfloat16} ones marked with a {@code dtype} attribute).
 */
final class VarsGroupWriter {

    private final TensorCopier copier;

    VarsGroupWriter(TensorCopier copier) {
        this.copier = copier;
    }

    /**
     * @param name      the {@code name} attribute, or null for a group Keras writes without one
     * @param variables the variables with their dataset index
     */
    void write(GroupWriter root, String path, String name, List<ShardPlan.Variable> variables) throws IOException {
        GroupWriter vars = path.isEmpty() ? root.group("vars") : root.groupPath(path + "/vars");
        if (name != null) {
            vars.attribute("name", AttributeValue.string(name, StringEncoding.VLEN_UTF8));
        }
        for (ShardPlan.Variable v : variables) {
            PlannedWeight w = v.weight();
            long[] shape = w.source().shape().stream().mapToLong(Long::longValue).toArray();
            String label = (path.isEmpty() ? "" : path + "/") + "vars/" + v.index();
            DatasetWriter d = vars.dataset(String.valueOf(v.index()), w.source().dtype(), shape,
                    copier.dataSource(w.source(), label));
            if ("bfloat16".equals(w.source().dtype())) {
                d.attribute("dtype", AttributeValue.string("bfloat16", StringEncoding.VLEN_UTF8));
            }
        }
    }

    /** All variables of {@code group} under their index. */
    static List<ShardPlan.Variable> indexed(KerasLayout.VarsGroup group) {
        return java.util.stream.IntStream.range(0, group.variables().size())
                .mapToObj(i -> new ShardPlan.Variable(i, group.variables().get(i))).toList();
    }
}
