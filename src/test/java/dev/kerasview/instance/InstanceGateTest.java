package dev.kerasview.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceGateTest {

    @TempDir
    Path stateDir;

    @TempDir
    Path files;

    private final List<PrimaryInstance> started = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        started.forEach(PrimaryInstance::close);
    }

    private PrimaryInstance primary(InstanceClaim claim) {
        PrimaryInstance primary = assertInstanceOf(PrimaryInstance.class, claim);
        started.add(primary);
        return primary;
    }

    private static BlockingQueue<List<Path>> collect(PrimaryInstance primary) {
        BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
        primary.onOpenRequest(received::add);
        return received;
    }

    @Test
    void firstStartShowsTheWindowAndListensForLaterStarts() {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));

        assertTrue(primary.isListening());
        assertTrue(primary.notListeningReason().isEmpty());
        assertTrue(Files.isRegularFile(stateDir.resolve(Endpoint.FILE_NAME)));
    }

    @Test
    void secondStartHandsItsFilesToTheRunningWindow() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = collect(primary);
        Path model = files.resolve("model with spaces.keras");
        Path weights = files.resolve("weights.h5");

        InstanceClaim second = new InstanceGate(stateDir).claim(List.of(model, weights));

        assertEquals(new HandedOver(List.of(model, weights)), second);
        assertEquals(List.of(model, weights), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void relativePathsArriveResolvedAgainstTheSendersWorkingFolder() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = collect(primary);

        new InstanceGate(stateDir).claim(List.of(Path.of("sub/../model.keras")));

        Path expected = Path.of("").toAbsolutePath().resolve("model.keras");
        assertEquals(List.of(expected), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void startWithoutFilesReachesTheWindowAsAnEmptyList() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = collect(primary);

        assertInstanceOf(HandedOver.class, new InstanceGate(stateDir).claim(List.of()));

        assertEquals(List.of(), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void requestsBeforeTheWindowRegistersItsCallbackAreDeliveredInOrderOnRegistration() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        Path first = files.resolve("first.keras");
        Path second = files.resolve("second.h5");
        new InstanceGate(stateDir).claim(List.of(first));
        new InstanceGate(stateDir).claim(List.of(second));

        BlockingQueue<List<Path>> received = collect(primary);

        assertEquals(List.of(first), received.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of(second), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingCallbackDoesNotStopLaterHandOvers() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
        primary.onOpenRequest(paths -> {
            received.add(paths);
            throw new IllegalStateException("UI bug");
        });
        Path first = files.resolve("a.keras");
        Path second = files.resolve("b.keras");

        new InstanceGate(stateDir).claim(List.of(first));
        assertEquals(List.of(first), received.poll(5, TimeUnit.SECONDS));
        InstanceClaim again = new InstanceGate(stateDir).claim(List.of(second));

        assertInstanceOf(HandedOver.class, again);
        assertEquals(List.of(second), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void startAfterTheWindowClosedShowsItsOwnWindow() {
        PrimaryInstance first = primary(new InstanceGate(stateDir).claim(List.of()));
        first.close();

        PrimaryInstance next = primary(new InstanceGate(stateDir).claim(List.of(files.resolve("m.keras"))));

        assertFalse(first.isListening());
        assertTrue(next.isListening());
    }

    @Test
    void endpointLeftByACrashedWindowIsIgnoredAndReplaced() throws Exception {
        int deadPort;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = closedAgain.getLocalPort();
        }
        Files.writeString(stateDir.resolve(Endpoint.FILE_NAME), deadPort + " 00112233\n");

        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of(files.resolve("m.keras"))));

        assertTrue(primary.isListening());
        Endpoint published = Endpoint.read(stateDir).orElseThrow();
        assertFalse(published.token().equals("00112233"));
    }

    @Test
    void peerWithoutTheTokenIsNotAnsweredAndDeliversNothing() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = collect(primary);
        Endpoint endpoint = Endpoint.read(stateDir).orElseThrow();

        String answer = sendRaw(endpoint.port(), "not-the-token", "/etc/passwd");

        assertNull(answer);
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
        Path model = files.resolve("m.keras");
        assertInstanceOf(HandedOver.class, new InstanceGate(stateDir).claim(List.of(model)));
        assertEquals(List.of(model), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void endpointFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX-only; skipped on this file system");
        primary(new InstanceGate(stateDir).claim(List.of()));

        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(stateDir.resolve(Endpoint.FILE_NAME)));
    }

    @Test
    void unusableStateFolderStillOpensAWindowAndSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(files.resolve("occupied"), "a file, not a folder");

        PrimaryInstance primary = primary(new InstanceGate(notAFolder).claim(List.of()));

        assertFalse(primary.isListening());
        assertTrue(primary.notListeningReason().orElseThrow().contains(notAFolder.toString()),
                primary.notListeningReason().orElseThrow());
        primary.onOpenRequest(paths -> { });
    }

    @Test
    void stateFolderIsTheUsersRuntimeFolderWhenThereIsOne() {
        Path runtime = files.toAbsolutePath();

        assertEquals(runtime.resolve("kerasview"),
                InstanceGate.defaultStateDir(Map.of("XDG_RUNTIME_DIR", runtime.toString()), "/tmp", "ann"));
        assertEquals(Path.of("/tmp", "kerasview-ann"),
                InstanceGate.defaultStateDir(Map.of(), "/tmp", "ann"));
        assertEquals(Path.of("/tmp", "kerasview-a_b"),
                InstanceGate.defaultStateDir(Map.of("XDG_RUNTIME_DIR", "/no/such/dir"), "/tmp", "a/b"));
    }

    @Test
    void startInAnotherProcessHandsItsFilesToThisWindow() throws Exception {
        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));
        BlockingQueue<List<Path>> received = collect(primary);
        Path model = files.resolve("model.keras");

        Process second = startProcess("start", model);

        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "second start did not finish");
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(SecondStart.HANDED_OVER, second.exitValue(), output);
        assertEquals(List.of(model), received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void startHandsItsFilesToAWindowInAnotherProcess() throws Exception {
        Process window = startProcess("serve");
        try (BufferedReader lines = window.inputReader(StandardCharsets.UTF_8)) {
            assertEquals("listening", lines.readLine());
            Path model = files.resolve("model.keras");

            InstanceClaim claim = new InstanceGate(stateDir).claim(List.of(model));

            assertEquals(new HandedOver(List.of(model)), claim);
            assertEquals("received " + List.of(model), lines.readLine());
            assertTrue(window.waitFor(30, TimeUnit.SECONDS));
        } finally {
            window.destroy();
        }
    }

    @Test
    void windowInAnotherProcessThatHasNotPublishedItsPortYetIsWaitedForThenGivenUp() throws Exception {
        Process window = startProcess("serve");
        try (BufferedReader lines = window.inputReader(StandardCharsets.UTF_8)) {
            assertEquals("listening", lines.readLine());
            Files.delete(stateDir.resolve(Endpoint.FILE_NAME));

            long start = System.nanoTime();
            PrimaryInstance own = primary(new InstanceGate(stateDir).claim(List.of(files.resolve("m.keras"))));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertFalse(own.isListening(), "the lock is the other process's");
            assertTrue(own.notListeningReason().orElseThrow().contains(InstanceGate.LOCK_FILE),
                    own.notListeningReason().orElseThrow());
            assertTrue(waitedMillis >= 2_500, "gave up after " + waitedMillis + " ms");
        } finally {
            window.destroy();
            window.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void windowThatExitedInAnotherProcessLeavesNoLockBehind() throws Exception {
        Process other = startProcess("start");
        assertTrue(other.waitFor(60, TimeUnit.SECONDS), "other start did not finish");
        assertEquals(SecondStart.BECAME_PRIMARY, other.exitValue(), "no window ran, so it showed its own");

        PrimaryInstance primary = primary(new InstanceGate(stateDir).claim(List.of()));

        assertTrue(primary.isListening());
    }

    private Process startProcess(String mode, Path... paths) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SecondStart.class.getName(), mode, stateDir.toString()));
        for (Path path : paths) {
            command.add(path.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Speaks the protocol by hand; returns the window's answer, or null when it gave none. */
    private static String sendRaw(int port, String token, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            try {
                out.writeUTF(OpenRequestProtocol.GREETING);
                out.writeUTF(token);
                out.writeInt(1);
                out.writeUTF(path);
                out.flush();
                return new DataInputStream(socket.getInputStream()).readUTF();
            } catch (EOFException | java.net.SocketException e) {
                // the window hung up, possibly before the request was all written (broken pipe,
                // reset): no answer either way
                return null;
            }
        }
    }
}
