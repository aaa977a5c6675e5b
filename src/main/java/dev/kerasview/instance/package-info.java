/**
 * Single-instance hand-over: a second start of the window passes its files to the running
 * window over a loopback socket and exits. No JavaFX here; the UI registers a plain callback.
 */
package dev.kerasview.instance;
