/** Replays the Keras 3 load walk and the legacy loaders to predict which layers fail to load. */
package dev.kerasview.diagnose;
