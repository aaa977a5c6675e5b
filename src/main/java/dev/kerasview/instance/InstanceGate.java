package dev.kerasview.instance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides at start whether this process opens the window or hands its files to the kerasview
 * window the same user already runs. The running window holds a lock file in the state folder
 * (released by the operating system when it dies, so a crash leaves nothing stale) and
 * listens on a loopback port published beside it.
 */
public final class InstanceGate {

    static final String LOCK_FILE = "instance.lock";
    /** How long a start waits for a window that holds the lock but has not published its port yet. */
    private static final long STARTUP_WAIT_MILLIS = 3_000;
    private static final long RETRY_MILLIS = 100;

    private final Path stateDir;

    /** A gate over the given state folder (created when missing). */
    public InstanceGate(Path stateDir) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath();
    }

    /**
     * The gate for the current user: {@code $XDG_RUNTIME_DIR/kerasview} (a private per-login
     * folder), else {@code <java.io.tmpdir>/kerasview-<user>}.
     */
    public static InstanceGate forCurrentUser() {
        return new InstanceGate(defaultStateDir(System.getenv(), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name")));
    }

    static Path defaultStateDir(Map<String, String> env, String tmpDir, String user) {
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank() && Files.isDirectory(Path.of(runtimeDir))) {
            return Path.of(runtimeDir, "kerasview");
        }
        return Path.of(tmpDir, "kerasview-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** The folder holding the lock and endpoint files. */
    public Path stateDir() {
        return stateDir;
    }

    /**
     * Hands the files (made absolute against this process's working folder) to the running
     * window, or makes this process the one that shows the window. Never throws: when anything
     * about the hand-over fails, the answer is a window of its own.
     */
    public InstanceClaim claim(List<Path> files) {
        List<Path> absolute = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        try {
            prepareStateDir();
        } catch (IOException | RuntimeException e) {
            return PrimaryInstance.standalone("state folder " + stateDir + " is not usable: " + e.getMessage());
        }
        if (handOver(absolute)) {
            return new HandedOver(absolute);
        }
        try {
            FileChannel channel = FileChannel.open(stateDir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Optional<FileLock> lock = tryLock(channel);
            if (lock.isPresent()) {
                try {
                    return PrimaryInstance.listen(stateDir, channel, lock.get());
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    return PrimaryInstance.standalone("cannot listen for other starts: " + e.getMessage());
                }
            }
            channel.close();
        } catch (IOException e) {
            return PrimaryInstance.standalone("cannot use " + stateDir.resolve(LOCK_FILE) + ": " + e.getMessage());
        }
        // Another window holds the lock; it publishes its port a moment after taking it.
        long deadline = System.currentTimeMillis() + STARTUP_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (handOver(absolute)) {
                return new HandedOver(absolute);
            }
            if (!pause(RETRY_MILLIS)) {
                break;
            }
        }
        return PrimaryInstance.standalone("a kerasview window holds " + stateDir.resolve(LOCK_FILE)
                + " but did not take the files");
    }

    private boolean handOver(List<Path> files) {
        return Endpoint.read(stateDir).map(endpoint -> OpenRequestProtocol.send(endpoint, files)).orElse(false);
    }

    private void prepareStateDir() throws IOException {
        if (!Files.isDirectory(stateDir)) {
            Files.createDirectories(stateDir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
            }
        }
        // A folder someone else made (e.g. in a shared /tmp) could hand our files to their process.
        String owner = Files.getOwner(stateDir).getName();
        String user = System.getProperty("user.name");
        if (!owner.equals(user)) {
            throw new IOException("it belongs to " + owner + ", not " + user);
        }
    }

    private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
        try {
            return Optional.ofNullable(channel.tryLock());
        } catch (OverlappingFileLockException e) {
            // held by this same JVM (only happens when tests run two gates side by side)
            return Optional.empty();
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
