package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheMostRecentFirstWithoutDuplicatesAcrossInstances() {
        Path store = dir.resolve("cfg/kerasview/recent-files.txt");
        RecentFiles recent = new RecentFiles(store);
        recent.add(dir.resolve("a.keras"));
        recent.add(dir.resolve("b.h5"));
        recent.add(dir.resolve("a.keras"));
        assertEquals(List.of(dir.resolve("a.keras"), dir.resolve("b.h5")), new RecentFiles(store).list());
    }

    @Test
    void keepsAtMostTen() {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.txt"));
        for (int i = 0; i < 15; i++) {
            recent.add(dir.resolve("m" + i + ".keras"));
        }
        List<Path> list = recent.list();
        assertEquals(10, list.size());
        assertEquals(dir.resolve("m14.keras"), list.get(0));
    }

    @Test
    void anUnwritableStoreOnlyLosesTheHistory() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        RecentFiles recent = new RecentFiles(blocker.resolve("sub/recent.txt"));
        assertEquals(List.of(dir.resolve("a.keras")), recent.add(dir.resolve("a.keras")));
        assertEquals(List.of(), recent.list());
    }
}
