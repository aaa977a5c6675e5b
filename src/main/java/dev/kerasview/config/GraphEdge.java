package dev.kerasview.config;

/**
 * A connection of a {@link LayerGraph}: a tensor made by one layer consumed by another.
 *
 * @param from id of the producing node
 * @param to   id of the consuming node
 */
public record GraphEdge(String from, String to) {
}
