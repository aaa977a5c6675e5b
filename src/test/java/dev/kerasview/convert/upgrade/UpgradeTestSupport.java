package dev.kerasview.convert.upgrade;

import java.nio.file.Path;

/** Runs the upgrader on a real file the way the converter does. */
final class UpgradeTestSupport {

    private UpgradeTestSupport() {
    }

    static UpgradedConfig upgrade(Path file) throws Exception {
        LegacyInput in = LegacyInput.read(file);
        return new ConfigUpgrader().upgrade(in.modelConfig(), in.source());
    }

    static UpgradedConfig upgradeWithSigmoid(Path file) throws Exception {
        LegacyInput in = LegacyInput.read(file).withSigmoid();
        return new ConfigUpgrader().upgrade(in.modelConfig(), in.source());
    }

    static String stem(Path file) {
        return Corpus.truthStem(file, false);
    }
}
