/** Exporters to legacy .h5 and JSON + weights, verified by read-back, written atomically. */
package dev.kerasview.convert;
