package dev.kerasview.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kerasview.hdf5.writer.Hdf5Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** String-array attributes as Keras's legacy writer stores them, read the way Keras reads them. */
class LegacyLayoutWriterTest {

    @TempDir
    Path dir;

    /** Keras's load_attributes_from_hdf5_group, plus numpy's split of the same list for comparison. */
    private static final String KERAS_READ = String.join("\n",
            "import sys, json, h5py, numpy as np",
            "f = h5py.File(sys.argv[1], 'r')",
            "def load(group, name):",
            "    if name in group.attrs:",
            "        return [n.decode('utf8') if hasattr(n, 'decode') else n for n in group.attrs[name]]",
            "    data, i = [], 0",
            "    while '%s%d' % (name, i) in group.attrs:",
            "        data.extend([n.decode('utf8') if hasattr(n, 'decode') else n for n in group.attrs['%s%d' % (name, i)]])",
            "        i += 1",
            "    return data",
            "names = load(f, 'layer_names')",
            "chunks = sorted(k for k in f.attrs if k.startswith('layer_names'))",
            "expected = [len(c) for c in np.array_split(np.asarray([n.encode() for n in names]), len(chunks))]",
            "print(json.dumps({'names': names, 'chunks': chunks, 'sizes': [len(f.attrs[c]) for c in chunks],",
            "                  'numpy_sizes': expected, 'empty': str(f['g'].attrs['weight_names'].dtype) + str(f['g'].attrs['weight_names'].shape)}))");

    @Test
    void namesBeyondTheHeaderLimitAreSplitLikeNumpyAndReadBackByKerasRule() throws Exception {
        ReferenceTools.assumeH5py();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7001; i++) {
            names.add(String.format("layer_%06d", i));
        }
        Path file = dir.resolve("chunks.h5");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ); Hdf5Writer w = new Hdf5Writer(ch)) {
            LegacyLayoutWriter.stringArrayAttribute(w.root(), "layer_names", names);
            LegacyLayoutWriter.stringArrayAttribute(w.root().group("g"), "weight_names", List.of());
        }
        ReferenceTools.Result r = ReferenceTools.run(List.of(ReferenceTools.python(), "-c", KERAS_READ, file.toString()));
        assertEquals(0, r.exit(), r.err());
        var json = dev.kerasview.config.KerasJson.parse(r.out());
        List<String> read = new ArrayList<>();
        json.get("names").forEach(n -> read.add(n.asText()));
        assertEquals(names, read);
        assertEquals(List.of("layer_names0", "layer_names1"), List.of(json.get("chunks").get(0).asText(),
                json.get("chunks").get(1).asText()));
        assertEquals(json.get("numpy_sizes"), json.get("sizes"));
        assertEquals("float64(0,)", json.get("empty").asText());
    }

    @Test
    void aFailedWriteOnAFullDiskIsReportedInPlainWords() {
        // decided by the free space left, whatever words the OS chose
        String m = Converter.ioMessage(new java.io.IOException("write failed"), dir.resolve("x.h5"), 4096);
        assertEquals("the disk holding " + dir + " is full (4096 bytes free); nothing was written", m);
    }

    @Test
    void anotherFailedWriteKeepsTheSystemsWords() {
        String m = Converter.ioMessage(new java.io.IOException("Input/output error"), dir.resolve("x.h5"),
                Converter.FULL_DISK_BYTES * 1024);
        assertEquals("writing x.h5 failed (Input/output error); nothing was written", m);
    }

    @Test
    void temporaryNamesAreRecognisableAndOutputNamesAreNot() {
        Path t = TempFiles.tempFor(dir.resolve("model.h5"));
        assertEquals(true, TempFiles.isTempFile(t));
        assertEquals(true, t.getFileName().toString().startsWith(".model.h5.kerasview-tmp-"));
        assertEquals(false, TempFiles.isTempFile(dir.resolve("model.h5")));
        assertEquals(false, TempFiles.isTempFile(dir.resolve(".model.h5.kerasview-tmp-")));
    }
}
