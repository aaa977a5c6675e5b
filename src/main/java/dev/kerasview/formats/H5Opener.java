package dev.kerasview.formats;

import dev.kerasview.archive.RangeChannel;
import dev.kerasview.archive.ZipArchive;
import dev.kerasview.archive.ZipEntryInfo;
import dev.kerasview.hdf5.ByteSource;
import dev.kerasview.hdf5.H5Tree;
import dev.kerasview.hdf5.H5TreeReader;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens an HDF5 store (a file, or an entry of a zip) and reads its structure. */
final class H5Opener {

    /** Below this a DEFLATED entry is inflated to memory; above, to a temp file we own. */
    private static final long IN_MEMORY_LIMIT = 64L * 1024 * 1024;

    /** An opened store: its structure and its bytes. */
    record Opened(H5Tree tree, ByteSource bytes) {
    }

    private H5Opener() {
    }

    static Opened open(Path file, ReaderOpenModel.Resources res) throws UnreadableFileException {
        try {
            FileChannel ch = res.add(FileChannel.open(file, StandardOpenOption.READ));
            // jhdf's file-channel storage allocates whatever length a damaged header declares
            // (2 GB: OutOfMemoryError, or minutes of reading); over a mapped buffer it slices,
            // and a length beyond the file fails at once.
            HdfFile hdf = res.add(ch.size() <= Integer.MAX_VALUE
                    ? HdfFile.fromByteBuffer(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()))
                    : new HdfFile(file));
            checkComplete(file, hdf, ch.size());
            return new Opened(H5TreeReader.read(hdf), ByteSource.of(ch, 0, ch.size()));
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(file, "is not a readable HDF5 file ("
                    + ModelReader.reason(e) + "): it may be truncated or damaged");
        }
    }

    static Opened open(ZipArchive zip, ZipEntryInfo e, ReaderOpenModel.Resources res)
            throws UnreadableFileException {
        Path file = zip.file();
        try {
            if (e.method() == ZipEntryInfo.STORED && e.compressedSize() <= Integer.MAX_VALUE) {
                ByteBuffer mapped = zip.mapStored(e);
                HdfFile hdf = res.add(HdfFile.fromByteBuffer(mapped));
                checkComplete(file, hdf, e.compressedSize());
                return new Opened(H5TreeReader.read(hdf),
                        ByteSource.of(zip.channel(), e.dataOffset(), e.compressedSize()));
            }
            if (e.method() == ZipEntryInfo.STORED) {
                // Above 2 GiB one buffer cannot map the entry: jhdf reads it through a channel
                // over the entry's byte range instead of a temporary copy of gigabytes.
                HdfFile hdf = res.add(new HdfFile(new RangeChannel(zip.channel(), e.dataOffset(),
                        e.compressedSize()), file.toUri()));
                checkComplete(file, hdf, e.compressedSize());
                return new Opened(H5TreeReader.read(hdf),
                        ByteSource.of(zip.channel(), e.dataOffset(), e.compressedSize()));
            }
            if (e.uncompressedSize() <= IN_MEMORY_LIMIT) {
                ByteBuffer bytes = ByteBuffer.wrap(zip.readBytes(e, IN_MEMORY_LIMIT));
                HdfFile hdf = res.add(HdfFile.fromByteBuffer(bytes));
                return new Opened(H5TreeReader.read(hdf), ByteSource.of(bytes));
            }
            Path temp = Files.createTempFile("kerasview-", ".weights.h5");
            res.add(() -> Files.deleteIfExists(temp));
            zip.extractTo(e, temp);
            return open(temp, res);
        } catch (UnreadableFileException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new UnreadableFileException(file, "entry '" + e.name()
                    + "' is not a readable HDF5 file (" + ModelReader.reason(ex) + ")");
        }
    }

    /** A file shorter than its superblock's end-of-file address lost its tail. */
    private static void checkComplete(Path file, HdfFile hdf, long size) throws UnreadableFileException {
        long eof = hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress()
                + hdf.getUserBlockSize();
        if (eof > size) {
            throw new UnreadableFileException(file, "is a truncated HDF5 file: its superblock says "
                    + eof + " bytes, but only " + size + " are there");
        }
    }
}
