package dev.kerasview.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files under some folders (path, size, modification time), to compare before and after a run. */
record FolderSnapshot(Map<String, String> files) {

    static FolderSnapshot of(Path... roots) {
        Map<String, String> files = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    files.put(p.toString(), a.isDirectory() ? "dir" : a.size() + " bytes, " + a.lastModifiedTime());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FolderSnapshot(files);
    }

    /** What was added, removed or changed since {@code before}, one line each. */
    List<String> changesSince(FolderSnapshot before) {
        List<String> changes = new ArrayList<>();
        files.forEach((p, v) -> {
            String old = before.files().get(p);
            if (old == null) {
                changes.add("added " + p);
            } else if (!old.equals(v)) {
                changes.add("changed " + p);
            }
        });
        before.files().keySet().stream().filter(p -> !files.containsKey(p)).forEach(p -> changes.add("removed " + p));
        return changes;
    }
}
