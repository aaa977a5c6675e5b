package dev.kerasview.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kerasview.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real-world corpus file opens with a tree or gives a one-line reason; nothing else. */
class CorpusTest {

    @Test
    void everyCorpusFileOpensOrGivesAOneLineReason() throws Exception {
        Path corpus = TestEnvironment.corpus();
        Path manifest = TestEnvironment.assumeCorpus("MANIFEST.tsv");
        int opened = 0;
        int refused = 0;
        List<String> bad = new ArrayList<>();
        for (String row : Files.readAllLines(manifest)) {
            String rel = row.split("\t")[0];
            if (rel.equals("local_path")) {
                continue;
            }
            Path f = corpus.resolve(rel);
            try (OpenModel m = ModelReader.open(f, null)) {
                assertFalse(m.model().root() == null, rel);
                opened++;
                System.out.printf("  opened  %-55s %-18s %d layers%n", rel, m.model().format().id(),
                        m.model().root().children().size());
            } catch (UnreadableFileException e) {
                refused++;
                System.out.println("  refused " + rel + ": " + e.getMessage());
                if (e.getMessage().contains("\n")) {
                    bad.add(rel + ": multi-line message");
                }
            } catch (Throwable t) {
                bad.add(rel + ": " + t);
            }
        }
        System.out.printf("corpus: %d files opened with a tree, %d refused with a one-line reason, "
                + "%d unexpected%n", opened, refused, bad.size());
        bad.forEach(b -> System.out.println("  UNEXPECTED " + b));
        assertTrue(opened + refused > 50, "the manifest lists the corpus files");
        assertEquals(List.of(), bad);
    }
}
