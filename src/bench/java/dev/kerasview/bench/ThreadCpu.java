package dev.kerasview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process so far, JIT compiler and GC threads included
 * (which the JVM's own thread beans do not show), from Linux's /proc; grouped by thread name
 * with digits removed, so that a pool's threads add up.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** One line per thread group, most CPU first, in ms; empty where /proc is not there. */
    static String summary() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(t.resolve("stat"));
                    // fields after the ")" that closes the name: state is field 3, utime 14, stime 15
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while being read
                }
            }
        } catch (IOException noProc) {
            return "";
        }
        long hz = 100;
        StringBuilder sb = new StringBuilder("thread CPU ms:");
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(' ').append(e.getKey().replace(' ', '_')).append('=').append(e.getValue() * 1000 / hz));
        return sb.toString();
    }
}
