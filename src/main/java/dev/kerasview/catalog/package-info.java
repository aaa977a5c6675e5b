/**
 * What Keras's built-in layers and optimizers create: for each class the variables (names,
 * order, trainable flag, shapes computed from its config and build_config) and the composite
 * sub-layers (an RNN's cell, a wrapper's layer). Keras knowledge shared by the readers (to name
 * variables) and the diagnoser (to check counts and shapes). May use model and config.
 */
package dev.kerasview.catalog;
