package dev.kerasview.ui;

import dev.kerasview.formats.UnreadableFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts reading the files named at start while the JavaFX window is still being built, and
 * hands each read, with its layer rows, to the tab that opens that file. Building the window
 * takes about as long as reading a big model, so the two overlap instead of following each
 * other; a read finished by the time its tab is made is shown at once. Any other file, or one
 * opened a second time, goes straight to the wrapped source.
 */
final class PrefetchingModelSource implements ModelSource, AutoCloseable {

    private final ModelSource source;
    /** Reads not yet taken by a tab, by normalised absolute path; guarded by {@code this}. */
    private final Map<Path, CompletableFuture<OpenModelService.Opened>> pending = new HashMap<>();

    /** Reads {@code files} through {@code source} on a background thread, starting now. */
    PrefetchingModelSource(ModelSource source, List<Path> files) {
        this.source = source;
        Set<Path> wanted = new LinkedHashSet<>();
        for (Path f : files) {
            Path p = key(f);
            // a model.json's weights may have to be chosen in a dialog first
            if (!WeightsPairing.needsWeights(p)) {
                wanted.add(p);
            }
        }
        Map<Path, CompletableFuture<OpenModelService.Opened>> reads = new LinkedHashMap<>();
        for (Path p : wanted) {
            reads.put(p, new CompletableFuture<>());
        }
        pending.putAll(reads);
        if (!reads.isEmpty()) {
            // the reader keeps its own list: a tab may take a read out of pending before it starts
            Thread reader = new Thread(() -> readAll(reads), "kerasview-prefetch");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readAll(Map<Path, CompletableFuture<OpenModelService.Opened>> reads) {
        for (Map.Entry<Path, CompletableFuture<OpenModelService.Opened>> r : reads.entrySet()) {
            CompletableFuture<OpenModelService.Opened> result = r.getValue();
            if (result.isDone()) {
                // cancelled: the window closed before this file's turn
                continue;
            }
            try {
                OpenModelService.Opened opened = source.openIndexed(r.getKey(), null);
                if (!result.complete(opened)) {
                    opened.read().close();
                }
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    @Override
    public ReadModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        return openIndexed(file, weightsOrNull).read();
    }

    @Override
    public OpenModelService.Opened openIndexed(Path file, Path weightsOrNull) throws UnreadableFileException {
        CompletableFuture<OpenModelService.Opened> result = weightsOrNull == null ? take(file) : null;
        if (result == null) {
            return source.openIndexed(file, weightsOrNull);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            // the tab was closed while waiting: the read, when it finishes, is released
            result.thenAccept(opened -> opened.read().close());
            Thread.currentThread().interrupt();
            throw new UnreadableFileException(file, "reading was abandoned", e);
        } catch (ExecutionException e) {
            throw UnreadableFileException.causeOf(e, cause -> new UnreadableFileException(file,
                    "cannot be read: " + ErrorMessages.describe(cause), cause));
        }
    }

    @Override
    public synchronized Optional<OpenModelService.Opened> takeIfDone(Path file, Path weightsOrNull) {
        CompletableFuture<OpenModelService.Opened> result = weightsOrNull == null ? pending.get(key(file)) : null;
        if (result == null || !result.isDone() || result.isCompletedExceptionally()) {
            // a failed read is left for openIndexed, which turns it into the tab's message
            return Optional.empty();
        }
        pending.remove(key(file));
        return Optional.of(result.join());
    }

    private synchronized CompletableFuture<OpenModelService.Opened> take(Path file) {
        return pending.remove(key(file));
    }

    /** How a file is named in {@code pending}: the same file by any relative or dotted path. */
    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Releases every read no tab has taken (the window closes). */
    @Override
    public synchronized void close() {
        for (CompletableFuture<OpenModelService.Opened> r : pending.values()) {
            // not started or still reading: the reader closes what it finishes; done: closed here
            if (!r.cancel(false)) {
                r.thenAccept(opened -> opened.read().close());
            }
        }
        pending.clear();
    }
}
