package dev.kerasview.diagnose;

/** What a person can do about a finding, in plain words. */
final class Remedies {

    static final String CONVERT = "Convert the file with kerasview (kerasview convert FILE --to keras)"
            + " and load the converted copy: it is written in Keras 3's own form with every weight where"
            + " Keras looks for it, checked before it is kept; where no exact form exists kerasview says why.";
    static final String BUILD_BEFORE_SAVE = "Build every sub-layer before saving (call the model "
            + "once on data, or give the class a build() that builds all its children), then "
            + "save again.";
    static final String SKIP_MISMATCH = "To keep the rest, rebuild the model in code and call "
            + "model.load_weights(path, skip_mismatch=True): the failing layers keep fresh "
            + "weights.";
    static final String NO_COMPILE = "Load with keras.saving.load_model(path, compile=False) and "
            + "compile the model again in code.";
    static final String REGISTER = "Make the class importable in the loading code and register it "
            + "with @keras.saving.register_keras_serializable(), or pass it in custom_objects.";
    static final String CUSTOM_OBJECTS_PLAIN = "Pass the class by its plain name, e.g. "
            + "load_model(path, custom_objects={'NAME': NAME}): the registered package is not "
            + "stored in this file.";
    static final String SAFE_MODE = "Only if you trust the file: load with safe_mode=False (it runs "
            + "Python code stored in the file); better, replace the lambda with a registered "
            + "function and save again. For a Lambda layer that only does arithmetic with numbers "
            + "(x * 2.0 + 1.0, x ** 2, x[0] + x[1]), kerasview convert --to keras writes the built-in "
            + "layers that compute exactly the same.";
    static final String RESAVE = "Rebuild the model in Keras 3 code, load the weights into it, and "
            + "save it again with model.save('model.keras').";
    static final String RENAME = "Give the file the suffix that matches its content (.h5 for HDF5, "
            + ".keras for a zip archive).";
    static final String REPAIR = "Obtain an intact copy of the file (the download or the copy is "
            + "damaged or incomplete, e.g. a Git LFS pointer instead of the model).";
    static final String PAIR_ARCHITECTURE = "Load the architecture from code or from its JSON "
            + "(keras.models.model_from_json), then call model.load_weights(path).";
    static final String IGNORE_OPTIMIZER = "Harmless for inference; to keep training where it "
            + "stopped, compile and train one step before saving so the optimizer is built, or "
            + "load with compile=False and compile again.";

    private Remedies() {
    }
}
