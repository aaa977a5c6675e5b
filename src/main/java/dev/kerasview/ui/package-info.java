/** The JavaFX window: views over view models, with background services wrapping the core. */
package dev.kerasview.ui;
