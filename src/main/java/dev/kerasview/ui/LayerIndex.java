package dev.kerasview.ui;

import dev.kerasview.model.Finding;
import dev.kerasview.model.LayerKind;
import dev.kerasview.model.LayerNode;
import dev.kerasview.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layer tree of one model as rows, with each finding attached to the layer it names.
 * Built once when a model opens; lookups by identity, name and weights path are constant time.
 */
public final class LayerIndex {

    private final LayerRow root;
    private final List<LayerRow> preorder = new ArrayList<>();
    private final Map<LayerRow, LayerRow> parents = new IdentityHashMap<>();
    private final Map<LayerNode, LayerRow> rowsByNode = new IdentityHashMap<>();
    private final Map<String, List<LayerNode>> byName = new HashMap<>();
    private final Map<String, LayerNode> byPath = new HashMap<>();
    private final Map<Finding, List<LayerNode>> nodesByFinding = new HashMap<>();

    /** Indexes {@code root} and attaches {@code findings} to the layers they name. */
    public LayerIndex(LayerNode root, List<Finding> findings) {
        collect(root);
        Map<LayerNode, List<Finding>> findingsByNode = new IdentityHashMap<>();
        for (Finding f : findings) {
            List<LayerNode> nodes = resolve(f);
            nodesByFinding.put(f, nodes);
            for (LayerNode n : nodes) {
                findingsByNode.computeIfAbsent(n, k -> new ArrayList<>()).add(f);
            }
        }
        this.root = build(root, findingsByNode);
        index(this.root, null);
    }

    private void collect(LayerNode node) {
        byName.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(node);
        if (node.path() != null && !node.path().isEmpty()) {
            byPath.putIfAbsent(node.path(), node);
        }
        for (LayerNode c : node.children()) {
            collect(c);
        }
    }

    /**
     * Layers a finding is about. A weights path in the finding is where Keras looks: a layer
     * stored there is the one; else, among layers of the finding's name, one whose weights are
     * stored elsewhere loads fine, so those without a weights group of their own are meant.
     */
    private List<LayerNode> resolve(Finding f) {
        String path = f.path() == null ? null : stripVars(f.path());
        if (path != null) {
            LayerNode exact = byPath.get(path);
            if (exact != null && (f.layer() == null || f.layer().equals(exact.name()))) {
                return List.of(exact);
            }
        }
        if (f.layer() == null) {
            return List.of();
        }
        List<LayerNode> named = byName.getOrDefault(f.layer(), List.of());
        if (path != null && named.size() > 1) {
            List<LayerNode> unstored = named.stream().filter(n -> n.path() == null).toList();
            if (!unstored.isEmpty()) {
                return unstored;
            }
        }
        return named;
    }

    private static String stripVars(String p) {
        int vars = p.indexOf("/vars");
        return vars < 0 ? p : p.substring(0, vars);
    }

    private LayerRow build(LayerNode node, Map<LayerNode, List<Finding>> findingsByNode) {
        List<LayerRow> children = new ArrayList<>(node.children().size());
        long params = 0;
        long bytes = 0;
        for (var v : node.variables()) {
            params += v.elementCount();
            bytes += v.byteSize();
        }
        LayerStatus status = LayerStatus.OK;
        for (LayerNode c : node.children()) {
            LayerRow row = build(c, findingsByNode);
            children.add(row);
            if (c.kind() != LayerKind.OPTIMIZER) {
                // like Keras's count_params: optimizer slots are state, not parameters
                params += row.parameters();
            }
            bytes += row.bytes();
            status = LayerStatus.worst(status, row.status().asParentOf());
        }
        List<Finding> own = findingsByNode.getOrDefault(node, List.of());
        for (Finding f : own) {
            if (f.severity() == Severity.ERROR) {
                status = LayerStatus.FAILS;
            } else if (f.severity() == Severity.WARNING) {
                status = LayerStatus.worst(status, LayerStatus.WARNING);
            }
        }
        if (node.problem() != null) {
            status = LayerStatus.worst(status, LayerStatus.WARNING);
        }
        String key = (node.name() + "\u0000" + node.className()).toLowerCase(Locale.ROOT);
        return new LayerRow(node, status, own, params, bytes, key, children);
    }

    private void index(LayerRow row, LayerRow parent) {
        preorder.add(row);
        rowsByNode.put(row.node(), row);
        if (parent != null) {
            parents.put(row, parent);
        }
        for (LayerRow c : row.children()) {
            index(c, row);
        }
    }

    /** The full tree. */
    public LayerRow root() {
        return root;
    }

    /** Every row, parents before children. */
    public List<LayerRow> preorder() {
        return Collections.unmodifiableList(preorder);
    }

    /** The row above {@code row}, or null for the root. */
    public LayerRow parent(LayerRow row) {
        return parents.get(row);
    }

    /** The row showing {@code node} (by identity). */
    public Optional<LayerRow> row(LayerNode node) {
        return Optional.ofNullable(rowsByNode.get(node));
    }

    /** The layers a finding is about, first the most specific; empty for a file-level finding. */
    public List<LayerNode> layersOf(Finding finding) {
        return nodesByFinding.getOrDefault(finding, List.of());
    }
}
