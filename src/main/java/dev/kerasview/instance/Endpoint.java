package dev.kerasview.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the running window listens (a loopback port) and the secret a sender must present,
 * kept in a file only the user can read, so other local users cannot push files into the window.
 */
record Endpoint(int port, String token) {

    static final String FILE_NAME = "instance.endpoint";

    static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Reads the endpoint file; empty when it is missing or not in the expected form. */
    static Optional<Endpoint> read(Path stateDir) {
        try {
            String[] parts = Files.readString(stateDir.resolve(FILE_NAME), StandardCharsets.UTF_8).trim().split(" ");
            if (parts.length != 2) {
                return Optional.empty();
            }
            int port = Integer.parseInt(parts[0]);
            return port > 0 && port < 65536 ? Optional.of(new Endpoint(port, parts[1])) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes the file atomically (readers never see half of it), owner-only where POSIX allows. */
    void write(Path stateDir) throws IOException {
        Path target = stateDir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(stateDir, FILE_NAME, ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, port + " " + token + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the file if it still describes this endpoint (a newer instance may have replaced it). */
    void deleteIfOurs(Path stateDir) {
        if (read(stateDir).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(stateDir.resolve(FILE_NAME));
            } catch (IOException e) {
                // a stale file is harmless: the next start cannot connect to it and takes over
            }
        }
    }
}
