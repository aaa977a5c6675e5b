/** Immutable records describing model files, layers, variables and findings; depends on nothing. */
package dev.kerasview.model;
