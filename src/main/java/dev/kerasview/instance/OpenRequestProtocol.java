package dev.kerasview.instance;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire format between a second start and the running window: a greeting, the token, the
 * file count and each path (length-prefixed, so any file name survives), answered by "ok".
 */
final class OpenRequestProtocol {

    static final String GREETING = "kerasview-open/1";
    static final String ACCEPTED = "ok";
    /** More paths than anyone selects in a file manager; bounds what a bad peer can make us hold. */
    static final int MAX_FILES = 10_000;
    static final int TIMEOUT_MILLIS = 2_000;

    private OpenRequestProtocol() {
    }

    /** Sends the paths to the endpoint; true only when the window confirmed it took them. */
    static boolean send(Endpoint endpoint, List<Path> files) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeUTF(GREETING);
            out.writeUTF(endpoint.token());
            out.writeInt(files.size());
            for (Path file : files) {
                out.writeUTF(file.toString());
            }
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            return ACCEPTED.equals(in.readUTF());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one request; empty (and nothing acknowledged) unless greeting and token are right. */
    static Optional<List<Path>> receive(Socket socket, String token) throws IOException {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        if (!GREETING.equals(in.readUTF()) || !sameToken(token, in.readUTF())) {
            return Optional.empty();
        }
        int count = in.readInt();
        if (count < 0 || count > MAX_FILES) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                files.add(Path.of(in.readUTF()));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeUTF(ACCEPTED);
        out.flush();
        return Optional.of(List.copyOf(files));
    }

    private static boolean sameToken(String expected, String presented) {
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
