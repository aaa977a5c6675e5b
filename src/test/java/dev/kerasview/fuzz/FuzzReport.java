package dev.kerasview.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of damaged files per damage class, the slowest run, and every failure with its reason. */
final class FuzzReport {

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> loaded = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private Duration slowest = Duration.ZERO;
    private String slowestLabel = "";
    private Duration mostCpu = Duration.ZERO;
    private String mostCpuLabel = "";

    FuzzReport() {
        DamagePlan.CLASSES.forEach(c -> counts.put(c, 0));
    }

    void record(DamagedFile file, Outcome outcome, List<String> problems) {
        counts.merge(file.damageClass(), 1, Integer::sum);
        if (outcome.exitCode() != null && outcome.exitCode() == 0) {
            loaded.merge(file.damageClass(), 1, Integer::sum);
        }
        if (outcome.elapsed().compareTo(slowest) > 0) {
            slowest = outcome.elapsed();
            slowestLabel = file.label();
        }
        if (outcome.cpu().compareTo(mostCpu) > 0) {
            mostCpu = outcome.cpu();
            mostCpuLabel = file.label();
        }
        if (!problems.isEmpty()) {
            failures.add(file.label() + ": " + String.join("; ", problems));
        }
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<String> failures() {
        return failures;
    }

    String summary(String title, Duration wall) {
        StringBuilder s = new StringBuilder(title).append('\n');
        counts.forEach((c, n) -> s.append(String.format("  %-24s %6d damaged files (%d still load)%n",
                c, n, loaded.getOrDefault(c, 0))));
        s.append(String.format("  %-24s %6d damaged files, %d failures, %.1f s%n",
                "TOTAL", total(), failures.size(), wall.toMillis() / 1000.0));
        s.append(String.format("  slowest %d ms wall (%s); most CPU %d ms (%s)%n",
                slowest.toMillis(), slowestLabel, mostCpu.toMillis(), mostCpuLabel));
        failures.stream().limit(40).forEach(f -> s.append("  FAIL ").append(f).append('\n'));
        if (failures.size() > 40) {
            s.append("  ... and ").append(failures.size() - 40).append(" more failures\n");
        }
        return s.toString();
    }
}
