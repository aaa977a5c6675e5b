package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the collections against the layout in the HDF5 file format specification (III.E). */
class GlobalHeapTest {

    @Test
    void smallObjectsShareOneCollectionPaddedTo4KilobytesWithAFreeSpaceObject() {
        GlobalHeap heap = new GlobalHeap(1000);
        GlobalHeap.Reference first = heap.add(bytes("dense"));
        GlobalHeap.Reference second = heap.add(bytes(""));
        GlobalHeap.Reference third = heap.add(bytes("exactly8"));

        List<byte[]> collections = heap.collections();
        assertEquals(1, collections.size());
        assertEquals(new GlobalHeap.Reference(1000, 1), first);
        assertEquals(new GlobalHeap.Reference(1000, 2), second);
        assertEquals(new GlobalHeap.Reference(1000, 3), third);

        List<Object[]> objects = parse(collections.get(0));
        assertEquals(4096, collections.get(0).length);
        assertEquals(List.of("dense", "", "exactly8"), objects.subList(0, 3).stream().map(o -> (String) o[1]).toList());
        Object[] free = objects.get(3);
        assertEquals(0, free[0]);
        assertEquals(4096L - 16 - (16 + 8) - 16 - (16 + 8), free[2]);
    }

    @Test
    void anObjectLargerThan4KilobytesGetsACollectionLargeEnoughForIt() {
        GlobalHeap heap = new GlobalHeap(48);
        byte[] config = new byte[300_001];
        Arrays.fill(config, (byte) 'c');
        heap.add(bytes("before"));
        GlobalHeap.Reference big = heap.add(config);
        List<byte[]> collections = heap.collections();

        long total = collections.stream().mapToLong(c -> c.length).sum();
        assertTrue(total >= 300_001 + 16 + 16, "total " + total);
        long address = 48;
        boolean found = false;
        for (byte[] collection : collections) {
            if (address == big.collectionAddress()) {
                Object[] object = parse(collection).get(big.index() - 1);
                assertEquals(big.index(), object[0]);
                assertEquals(300_001L, object[2]);
                found = true;
            }
            assertEquals(collection.length, ByteBuffer.wrap(collection).order(ByteOrder.LITTLE_ENDIAN).getLong(8));
            address += collection.length;
        }
        assertTrue(found);
    }

    @Test
    void smallObjectsFillCollectionsOf4KilobytesAsTheHdf5LibraryDoes() {
        GlobalHeap heap = new GlobalHeap(0);
        for (int i = 0; i < 1000; i++) {
            heap.add(bytes("dense_" + i + "/kernel"));
        }
        List<byte[]> collections = heap.collections();
        // jhdf parses a whole collection to resolve one string of it: large ones made reading
        // a file's string attributes quadratic.
        assertTrue(collections.size() > 1000 * 32 / 4096, collections.size() + " collections");
        assertTrue(collections.stream().allMatch(c -> c.length == 4096), "every collection is 4 KB");
        assertEquals(1000, collections.stream().mapToLong(c -> parse(c).stream()
                .filter(o -> (int) o[0] != 0).count()).sum());
    }

    @Test
    void seventyThousandObjectsGoToConsecutiveCollectionsWithValidIndices() {
        GlobalHeap heap = new GlobalHeap(0);
        List<GlobalHeap.Reference> references = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            references.add(heap.add(bytes("n" + i)));
        }
        List<byte[]> collections = heap.collections();
        assertTrue(collections.size() >= 2);
        assertEquals(0, references.get(0).collectionAddress());
        assertTrue(references.stream().allMatch(r -> r.index() >= 1 && r.index() <= 0xFFFF));
        GlobalHeap.Reference last = references.get(references.size() - 1);
        long lastAddress = 0;
        for (int i = 0; i < collections.size() - 1; i++) {
            lastAddress += collections.get(i).length;
        }
        assertEquals(lastAddress, last.collectionAddress());
        List<Object[]> objects = parse(collections.get(collections.size() - 1));
        assertEquals("n69999", objects.get(last.index() - 1)[1]);
    }

    @Test
    void aCollectionIsNeverLeftWithATailTooSmallForTheFreeSpaceObject() {
        for (int length = 4000; length < 4100; length++) {
            GlobalHeap heap = new GlobalHeap(0);
            heap.add(new byte[length]);
            for (byte[] collection : heap.collections()) {
                assertEquals(collection.length, parse(collection).stream()
                        .mapToLong(o -> (int) o[0] == 0 ? (long) o[2] : 16 + ((long) o[2] + 7) / 8 * 8).sum() + 16);
            }
        }
    }

    /** Objects as {index, text, size}; the free-space object has index 0. */
    private static List<Object[]> parse(byte[] collection) {
        ByteBuffer in = ByteBuffer.wrap(collection).order(ByteOrder.LITTLE_ENDIAN);
        byte[] signature = new byte[4];
        in.get(signature);
        assertArrayEquals(bytes("GCOL"), signature);
        assertEquals(1, in.get());
        in.position(8);
        assertEquals(collection.length, in.getLong());
        List<Object[]> objects = new ArrayList<>();
        while (in.remaining() >= 16) {
            int index = Short.toUnsignedInt(in.getShort());
            in.getShort();
            in.getInt();
            long size = in.getLong();
            if (index == 0) {
                objects.add(new Object[] {0, null, size});
                assertEquals(size - 16, in.remaining(), "the free-space object runs to the end");
                break;
            }
            byte[] data = new byte[(int) size];
            in.get(data);
            in.position(in.position() + (int) ((8 - size % 8) % 8));
            objects.add(new Object[] {index, new String(data, StandardCharsets.UTF_8), size});
        }
        return objects;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
