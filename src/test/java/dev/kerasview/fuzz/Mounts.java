package dev.kerasview.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Mounting small tmpfs folders and setting the immutable flag, which the fault tests need root for. */
final class Mounts {

    private Mounts() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a system command; true when it exits 0 within 30 s. */
    static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Mounts a tmpfs of {@code size} (like "200k") at {@code dir}, read-only if asked. */
    static boolean tmpfs(Path dir, String size, boolean readOnly) {
        return isRoot() && run("mount", "-t", "tmpfs", "-o", (readOnly ? "ro," : "") + "size=" + size, "tmpfs", dir.toString());
    }

    static void unmount(Path dir) {
        run("umount", dir.toString());
    }

    static String describe(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
