package dev.kerasview.diagnose;

import dev.kerasview.catalog.KerasVersion;
import dev.kerasview.model.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One line on which modelled Keras versions load a file ("Loads in Keras 3.13 – 3.15 · fails in
 * 3.12 and older: ..."), and the older version a conversion could serve.
 *
 * @param line          the sentence, newest versions first, each failing span with its cause
 * @param everyVersion  true when every modelled version loads the file
 * @param anyVersion    true when at least one modelled version loads it
 * @param convertTarget the newest version that fails while the newest modelled one loads: the
 *                      one {@code convert --target-keras} could serve; empty when there is none
 */
public record CompatibilitySummary(String line, boolean everyVersion, boolean anyVersion,
                                   Optional<KerasVersion> convertTarget) {

    /** The summary of a compatibility check. */
    public static CompatibilitySummary of(Compatibility c) {
        List<Compatibility.VersionVerdict> newestFirst = new ArrayList<>(c.versions());
        Collections.reverse(newestFirst);
        List<List<Compatibility.VersionVerdict>> runs = new ArrayList<>();
        for (Compatibility.VersionVerdict v : newestFirst) {
            if (runs.isEmpty() || runs.get(runs.size() - 1).get(0).diagnosis().loads() != v.diagnosis().loads()) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(v);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Compatibility.VersionVerdict> run = runs.get(i);
            boolean loads = run.get(0).diagnosis().loads();
            KerasVersion newest = run.get(0).keras();
            KerasVersion oldest = run.get(run.size() - 1).keras();
            String span = run.size() == 1 ? minor(newest)
                    : i == runs.size() - 1 && i > 0 ? minor(newest) + " and older"
                    : minor(oldest) + " – " + minor(newest);
            String verb = loads ? "loads" : "fails";
            parts.add((i == 0 ? capital(verb) + " in Keras " : verb + " in ") + span
                    + (loads ? "" : ": " + cause(run.get(0))));
        }
        boolean every = runs.size() == 1 && runs.get(0).get(0).diagnosis().loads();
        Optional<KerasVersion> target = Optional.empty();
        if (newestFirst.get(0).diagnosis().loads() && runs.size() > 1) {
            target = Optional.of(runs.get(1).get(0).keras());
        }
        boolean any = newestFirst.stream().anyMatch(v -> v.diagnosis().loads());
        return new CompatibilitySummary(String.join(" · ", parts), every, any, target);
    }

    /** "3.13" for 3.13.2: a person names a Keras version by its minor release. */
    public static String minor(KerasVersion v) {
        List<Integer> p = v.parts();
        return p.size() < 2 ? v.toString() : p.get(0) + "." + p.get(1);
    }

    private static String cause(Compatibility.VersionVerdict v) {
        Finding first = v.diagnosis().errors().stream().findFirst().orElse(null);
        if (first == null) {
            return "";
        }
        return first.message() == null ? first.code().id() : first.message().lines().findFirst().orElse("");
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
