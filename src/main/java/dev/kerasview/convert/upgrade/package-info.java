/**
 * Upgrades Keras 1, Keras 2, tf.keras and Keras-3-legacy model configs into the
 * {@code config.json} form Keras 3.15.1 writes, with the weight recipes that legacy weights
 * need on the way (Keras 1 RNN gates, Theano kernels). A GUI-free library: Jackson trees in,
 * Jackson trees out. May use model, config and catalog.
 */
package dev.kerasview.convert.upgrade;
