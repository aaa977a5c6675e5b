package dev.kerasview.fuzz;

/** One damaged copy of a fixture: which kind of damage, where exactly, and the resulting bytes. */
record DamagedFile(String damageClass, String detail, String fileName, byte[] bytes) {

    /** A short label naming the source file and the damage, for failure messages. */
    String label() {
        return fileName + " [" + damageClass + ": " + detail + "]";
    }
}
