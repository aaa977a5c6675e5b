package dev.kerasview.convert;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names of the temporary files conversions write ({@code .<name>.kerasview-tmp-<random>}) and
 * removal of ones left behind by a process that was killed.
 */
public final class TempFiles {

    /** Marker every temporary output name contains. */
    public static final String MARKER = ".kerasview-tmp-";

    private static final Pattern NAME = Pattern.compile("^\\..+\\.kerasview-tmp-[0-9a-z]{8,}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFiles() {
    }

    /** A fresh temporary name beside {@code target}. */
    static Path tempFor(Path target) {
        String random = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        while (random.length() < 8) {
            random = "0" + random;
        }
        return target.resolveSibling("." + target.getFileName() + MARKER + random);
    }

    /** True when {@code file}'s name is one a conversion uses for its temporary output. */
    public static boolean isTempFile(Path file) {
        return file.getFileName() != null && NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Deletes temporary outputs (files, and staging folders of sharded outputs) in {@code folder} not modified for {@code minAge} (younger ones
     * may belong to a conversion still running). Returns the files deleted.
     */
    public static List<Path> cleanStale(Path folder, Duration minAge) throws IOException {
        List<Path> deleted = new ArrayList<>();
        Instant cutoff = Instant.now().minus(minAge);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                boolean staging = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (!isTempFile(p) || !(staging || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(p);
                if (modified.toInstant().isAfter(cutoff)) {
                    continue;
                }
                if (staging ? deleteFolder(p) : Files.deleteIfExists(p)) {
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes a staging folder and the regular files directly in it (all a conversion puts
     * there); true when the folder is gone. Anything else inside keeps the folder.
     */
    static boolean deleteFolder(Path folder) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            return false;
        }
        try {
            return Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Not empty (something else was put there) or not ours to remove: leave it.
            return false;
        }
    }
}
