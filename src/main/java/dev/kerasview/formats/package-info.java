/** One reader per input kind, chosen by magic bytes, each producing a {@link dev.kerasview.model.ModelFile}. */
package dev.kerasview.formats;
