package dev.kerasview.ui;

import dev.kerasview.convert.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Which outputs this process is converting to, one file per process ({@code <pid>.txt}), so a
 * later start can remove the temporary files of a process that was killed mid-conversion, and
 * only those: another kerasview's temporary files are left alone while it runs.
 */
final class ConversionJournal {

    private final Path folder;
    private final long pid;
    private final Set<Path> outputs = new LinkedHashSet<>();

    /** A journal kept in {@code folder} for the process {@code pid}. */
    ConversionJournal(Path folder, long pid) {
        this.folder = folder;
        this.pid = pid;
    }

    /** Records that {@code files} are being written; failing to record only loses the clean-up. */
    synchronized void started(List<Path> files) {
        for (Path f : files) {
            outputs.add(f.toAbsolutePath().normalize());
        }
        save();
    }

    /** The conversion writing {@code files} has returned (its temporary files are gone). */
    synchronized void ended(List<Path> files) {
        for (Path f : files) {
            outputs.remove(f.toAbsolutePath().normalize());
        }
        save();
    }

    private void save() {
        Path file = folder.resolve(pid + ".txt");
        try {
            if (outputs.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(folder);
            List<String> lines = outputs.stream().map(Path::toString).toList();
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // without the journal a killed conversion's temp file stays; nothing else is affected
        }
    }

    /**
     * Deletes the temporary files beside the outputs recorded by processes that no longer run
     * ({@code alive} says which do), then their journals. Returns the files deleted.
     */
    static List<Path> cleanStale(Path folder, LongPredicate alive) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return deleted;
        }
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*.txt")) {
            for (Path journal : journals) {
                String name = journal.getFileName().toString();
                long owner;
                try {
                    owner = Long.parseLong(name.substring(0, name.length() - ".txt".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (alive.test(owner)) {
                    continue;
                }
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        deleted.addAll(deleteTempFilesOf(Paths.get(line.strip())));
                    }
                }
                Files.deleteIfExists(journal);
            }
        } catch (IOException | RuntimeException e) {
            // a clean-up that fails leaves hidden files; it must never stop the window from opening
        }
        return deleted;
    }

    /** Whether process {@code pid} still runs. */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<Path> deleteTempFilesOf(Path output) throws IOException {
        List<Path> deleted = new ArrayList<>();
        Path dir = output.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return deleted;
        }
        String prefix = "." + output.getFileName() + TempFiles.MARKER;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(prefix) && TempFiles.isTempFile(p)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }
}
