package dev.kerasview.instance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Another process's start for {@link InstanceGateTest}. Arguments: {@code start STATE FILE...}
 * claims and exits (0 handed over, 3 became the window); {@code serve STATE} becomes the window,
 * prints "listening", prints the first hand-over it receives and exits 0 (5 after a minute).
 */
public final class SecondStart {

    static final int HANDED_OVER = 0;
    static final int BECAME_PRIMARY = 3;
    static final int NOT_PRIMARY = 4;
    static final int NOTHING_RECEIVED = 5;

    private SecondStart() {
    }

    public static void main(String[] args) throws InterruptedException {
        InstanceGate gate = new InstanceGate(Path.of(args[1]));
        List<Path> files = Arrays.stream(args).skip(2).map(Path::of).toList();
        InstanceClaim claim = gate.claim(files);
        if (args[0].equals("serve")) {
            if (!(claim instanceof PrimaryInstance primary) || !primary.isListening()) {
                System.exit(NOT_PRIMARY);
                return;
            }
            primary.onOpenRequest(received -> {
                System.out.println("received " + received);
                System.exit(HANDED_OVER);
            });
            System.out.println("listening");
            Thread.sleep(60_000);
            System.exit(NOTHING_RECEIVED);
        }
        if (claim instanceof HandedOver handedOver) {
            System.out.println("handed over " + handedOver.files());
            System.exit(HANDED_OVER);
        }
        ((PrimaryInstance) claim).close();
        System.out.println("became primary");
        System.exit(BECAME_PRIMARY);
    }
}
