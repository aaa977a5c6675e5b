package dev.kerasview.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The tree a reader parsed from a JSON text, kept so that the diagnosis does not parse the same
 * text again (for thousands of layers that costs tens of MB and a collection pause). This package
 * depends on no JSON library, so the tree is held untyped and its user names the type it expects.
 *
 * <p>The tree is shared: the layer tree renders its configs from subtrees of it, on other
 * threads, at any time. Nobody may change it; whoever needs to rewrite it works on a copy.
 */
public final class ParsedJson {

    private static final ParsedJson NONE = new ParsedJson(null);

    private final Object tree;

    private ParsedJson(Object tree) {
        this.tree = tree;
    }

    /** A tree parsed from the text beside it; never to be changed by anyone after this. */
    public static ParsedJson of(Object tree) {
        return new ParsedJson(Objects.requireNonNull(tree, "tree"));
    }

    /** No parsed tree: whoever needs one parses the text itself. */
    public static ParsedJson none() {
        return NONE;
    }

    /** The tree, when there is one of the given type. */
    public <T> Optional<T> tree(Class<T> type) {
        return type.isInstance(tree) ? Optional.of(type.cast(tree)) : Optional.empty();
    }

    // Equal trees are equal holders, as the text they come from decides ModelFile's equality.
    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedJson p && Objects.equals(tree, p.tree);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tree);
    }

    // A model's whole config would make ModelFile's toString megabytes long.
    @Override
    public String toString() {
        return "ParsedJson[" + (tree == null ? "none" : tree.getClass().getSimpleName()) + "]";
    }
}
