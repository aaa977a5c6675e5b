package dev.kerasview.model;

/** What kerasview is: its name and version, and the Keras release whose behaviour it models. */
public final class Product {

    /** The version line {@code kerasview --version} prints and Help > About shows. */
    public static final String VERSION = "kerasview 0.1.0";

    /** The Keras release whose loading kerasview predicts and whose files it writes. */
    public static final String KERAS_MODELLED = "3.15.1";

    private Product() {
    }
}
