package dev.kerasview.ui;

import dev.kerasview.catalog.KerasRelease;
import dev.kerasview.convert.ConversionRefusal;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionTarget;
import dev.kerasview.convert.WeightsFormat;
import dev.kerasview.diagnose.CompatibilitySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Worker;

/**
 * One-click conversion of the tab's file: progress while it runs, a banner with the
 * verification result when it succeeds, a failure message when it does not.
 */
public final class ConversionViewModel {

    private final Path input;
    private final Path weights;
    private final ConversionService service;
    private final Consumer<Path> folderOpener;
    private final OutputChooser outputChooser;
    private final Path fallbackFolder;
    private final ReadOnlyStringWrapper runningLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper successText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> lastOutput = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderNotice = new ReadOnlyStringWrapper("");
    private ConversionRequest lastRequest;
    private ConversionRefusal lastRefusal;
    private Consumer<Path> outputOpener = p -> { };

    /**
     * Conversion of {@code input} (with {@code weights}, or null) through {@code converter};
     * {@code folderOpener} shows a folder in the system's file manager.
     */
    public ConversionViewModel(Path input, Path weights, ModelConverter converter, Consumer<Path> folderOpener) {
        this(input, weights, converter, folderOpener, OutputChooser.NONE, Path.of(System.getProperty("user.home")));
    }

    /**
     * As above, asking {@code outputChooser} where the output goes when the person chooses "Convert
     * As…" or the input's folder is read-only; {@code fallbackFolder} is offered then.
     */
    public ConversionViewModel(Path input, Path weights, ModelConverter converter, Consumer<Path> folderOpener,
                               OutputChooser outputChooser, Path fallbackFolder) {
        this.input = input;
        this.weights = weights;
        this.service = new ConversionService(converter);
        this.folderOpener = folderOpener;
        this.outputChooser = outputChooser;
        this.fallbackFolder = fallbackFolder;
        service.setOnEnded(this::ended);
    }

    private void ended(ConversionService.Ended ended) {
        if (ended.outcome() != null) {
            ConversionOutcome out = ended.outcome();
            lastOutput.set(out.files().get(0));
            StringBuilder names = new StringBuilder();
            for (Path p : out.files()) {
                names.append(names.length() > 0 ? " + " : "").append(p.getFileName());
            }
            notes.set(String.join("\n", out.notes()));
            successText.set("Converted to " + names + ". " + out.verification());
            return;
        }
        Throwable t = ended.error();
        if (t instanceof CancellationException) {
            cancelled.set(true);
        } else if (t instanceof ConversionRefusedException r) {
            lastRefusal = r.reason();
            refusal.set(t.getMessage());
        } else {
            failure.set("Converting " + input.getFileName() + " failed: " + ErrorMessages.describe(t)
                    + " Nothing was written.");
        }
    }

    /**
     * Starts converting to {@code target} beside the input; where that folder is read-only, asks
     * where to save instead.
     */
    public void convert(ConversionTarget target) {
        besideOrAsk(target, OutputNames.forTarget(input, target), null);
    }

    /** Asks where to save, offering {@code targets} (the most useful first), then converts there. */
    public void convertAs(List<ConversionTarget> targets) {
        if (service.busyProperty().get() || targets.isEmpty()) {
            return;
        }
        ask(targets, OutputChooser.Reason.ASKED, null);
    }

    /** Writes {@code output} beside the input, or asks where when that folder is read-only. */
    private void besideOrAsk(ConversionTarget target, Path output, KerasRelease release) {
        if (service.busyProperty().get()) {
            return;
        }
        if (outputChooser.canWriteTo(output.getParent())) {
            start(request(target, output, false, release));
            return;
        }
        ask(List.of(target), OutputChooser.Reason.FOLDER_READ_ONLY, release);
    }

    private void ask(List<ConversionTarget> targets, OutputChooser.Reason reason, KerasRelease release) {
        Path beside = OutputNames.forTarget(input, targets.get(0));
        Path suggested = outputChooser.canWriteTo(beside.getParent()) ? beside
                : OutputNames.inFolder(fallbackFolder, input, targets.get(0));
        outputChooser.choose(new OutputChooser.Question(input, suggested, targets, reason))
                // the Save dialog has asked before replacing a file
                .ifPresent(a -> start(request(a.target(), a.output(), Files.exists(a.output()), release)));
    }

    /** A request for {@code release} (null: the newest Keras modelled). */
    private ConversionRequest request(ConversionTarget target, Path output, boolean replace, KerasRelease release) {
        return new ConversionRequest(input, weights, target, WeightsFormat.LEGACY, output, replace, false, false,
                release);
    }

    /**
     * Starts converting to a {@code .keras} that the older Keras {@code release} loads, written
     * beside the input as {@code <stem>-keras3.12.keras}; where that folder is read-only, asks where.
     */
    public void convertFor(KerasRelease release) {
        besideOrAsk(ConversionTarget.KERAS,
                OutputNames.forKerasVersion(input, CompatibilitySummary.minor(release.version())), release);
    }

    /**
     * Converts again after a refusal, accepting what was refused: some layers' weights absent, or
     * an output that loads only where the person's own classes are registered.
     */
    public void convertAnyway() {
        ConversionRequest r = lastRequest;
        if (r != null) {
            start(new ConversionRequest(r.input(), r.weights(), r.target(), r.weightsFormat(), r.output(), r.force(),
                    lastRefusal == ConversionRefusal.MISSING_WEIGHTS,
                    lastRefusal == ConversionRefusal.NEEDS_CUSTOM_CODE, r.targetKeras()));
        }
    }

    /** What the last refusal was about, or null. */
    public ConversionRefusal lastRefusal() {
        return lastRefusal;
    }

    private void start(ConversionRequest request) {
        if (service.busyProperty().get()) {
            return;
        }
        lastRequest = request;
        successText.set("");
        notes.set("");
        folderNotice.set("");
        failure.set("");
        refusal.set("");
        cancelled.set(false);
        runningLabel.set(ConversionActions.description(request.target())
                + (request.targetKeras() == null ? ""
                : " for Keras " + CompatibilitySummary.minor(request.targetKeras().version()))
                + " → " + request.output().getFileName());
        service.convert(request);
    }

    /** Drops a refusal the person declined to override. */
    public void acknowledgeRefusal() {
        refusal.set("");
    }

    /** Why the converter refused (the person may convert anyway); empty when it did not. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Stops the running conversion; the converter removes what it had written. */
    public void cancel() {
        service.cancel();
    }

    /**
     * Cancels the running conversion, if any, and runs {@code then} once its converter has
     * returned (and so removed what it had written).
     */
    public void cancelThen(Runnable then) {
        if (!service.busyProperty().get()) {
            then.run();
            return;
        }
        service.busyProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean busy) {
                if (!busy) {
                    obs.removeListener(this);
                    then.run();
                }
            }
        });
        service.cancel();
    }

    /** Where "Open converted file" sends the output: the window opens it in a tab of its own. */
    public void openOutputWith(Consumer<Path> opener) {
        this.outputOpener = opener;
    }

    /** Opens the last output, which then shows its own verdict. */
    public void openOutput() {
        Path out = lastOutput.get();
        if (out != null) {
            outputOpener.accept(out);
        }
    }

    /** Opens the folder of the last output. */
    public void showInFolder() {
        Path out = lastOutput.get();
        Path folder = out == null ? null : out.toAbsolutePath().getParent();
        if (folder == null) {
            return;
        }
        folderNotice.set("");
        try {
            folderOpener.accept(folder);
        } catch (FolderOpener.NoFileManagerException e) {
            folderNotice.set("No file manager is registered to show folders (" + e.getMessage() + "). "
                    + out.getFileName() + " is in " + folder);
        }
    }

    /** Why "Show in folder" could not show it, and where the file is (empty: it could, or was not asked). */
    public ReadOnlyStringProperty folderNoticeProperty() {
        return folderNotice.getReadOnlyProperty();
    }

    /** Clears the success banner. */
    public void dismissSuccess() {
        successText.set("");
        notes.set("");
        folderNotice.set("");
    }

    /** Clears the failure message once shown. */
    public void acknowledgeFailure() {
        failure.set("");
    }

    /** True until the converter has returned, also after a cancel. */
    public ReadOnlyBooleanProperty busyProperty() {
        return service.busyProperty();
    }

    /** Fraction done, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return service.progressProperty();
    }

    /** Bytes and percent. */
    public ReadOnlyStringProperty progressTextProperty() {
        return service.messageProperty();
    }

    /** What is being converted to where. */
    public ReadOnlyStringProperty runningLabelProperty() {
        return runningLabel.getReadOnlyProperty();
    }

    /** The success banner's text (empty: no banner). */
    public ReadOnlyStringProperty successTextProperty() {
        return successText.getReadOnlyProperty();
    }

    /** What the last conversion changed or left out, one note per line (empty: nothing). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The main file of the last successful conversion. */
    public ReadOnlyObjectProperty<Path> lastOutputProperty() {
        return lastOutput.getReadOnlyProperty();
    }

    /** A failure to show in a dialog (empty: none). */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True when the last conversion was cancelled. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    /** The state of the background work. */
    public ReadOnlyObjectProperty<Worker.State> stateProperty() {
        return service.stateProperty();
    }
}
