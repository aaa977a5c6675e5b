package dev.kerasview.instance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * This process shows the window. While it runs, later starts hand their files to it; they
 * arrive at the callback registered with {@link #onOpenRequest}, on a background thread.
 */
public final class PrimaryInstance implements InstanceClaim, AutoCloseable {

    private final Path stateDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Endpoint endpoint;
    private final String notListeningReason;
    private final Object handlerLock = new Object();
    private final List<List<Path>> pending = new ArrayList<>();
    private Consumer<List<Path>> handler;
    private volatile boolean closed;

    private PrimaryInstance(Path stateDir, FileChannel lockChannel, FileLock lock, ServerSocket server,
                            Endpoint endpoint, String notListeningReason) {
        this.stateDir = stateDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.endpoint = endpoint;
        this.notListeningReason = notListeningReason;
    }

    /** Starts listening on a loopback port and publishes it; the caller holds the instance lock. */
    static PrimaryInstance listen(Path stateDir, FileChannel lockChannel, FileLock lock) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try {
            Endpoint endpoint = new Endpoint(server.getLocalPort(), Endpoint.newToken());
            endpoint.write(stateDir);
            PrimaryInstance primary = new PrimaryInstance(stateDir, lockChannel, lock, server, endpoint, null);
            Thread listener = new Thread(primary::acceptLoop, "kerasview-instance-listener");
            listener.setDaemon(true);
            listener.start();
            return primary;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A window that cannot receive hand-overs (the reason says why); it still works on its own. */
    static PrimaryInstance standalone(String reason) {
        return new PrimaryInstance(null, null, null, null, null, Objects.requireNonNull(reason));
    }

    /**
     * Registers where handed-over files go (replacing any earlier callback). Requests that came
     * before registration are delivered now, in order. The callback runs on a background thread;
     * an empty list means kerasview was started again without files (bring the window forward).
     */
    public void onOpenRequest(Consumer<List<Path>> callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (handlerLock) {
            handler = callback;
            pending.forEach(files -> deliver(callback, files));
            pending.clear();
        }
    }

    /** True when later starts can hand files to this window. */
    public boolean isListening() {
        return server != null && !closed;
    }

    /** Why this window does not receive hand-overs; empty when it does. */
    public Optional<String> notListeningReason() {
        return Optional.ofNullable(notListeningReason);
    }

    /** Stops listening and releases the instance lock, so the next start opens its own window. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing is best effort: the process is ending anyway
        }
        endpoint.deleteIfOurs(stateDir);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the operating system drops the lock when the process exits
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Optional<List<Path>> request;
            try (Socket peer = server.accept()) {
                request = OpenRequestProtocol.receive(peer, endpoint.token());
            } catch (IOException e) {
                // one bad or slow peer must not end the listener; a closed server ends the loop
                continue;
            }
            request.ifPresent(this::dispatch);
        }
    }

    private void dispatch(List<Path> files) {
        // under the lock, so requests reach the callback in the order they arrived
        synchronized (handlerLock) {
            if (handler == null) {
                pending.add(files);
            } else {
                deliver(handler, files);
            }
        }
    }

    private static void deliver(Consumer<List<Path>> callback, List<Path> files) {
        try {
            callback.accept(files);
        } catch (RuntimeException e) {
            // a failing callback is the UI's bug; the next hand-over must still arrive
        }
    }
}
