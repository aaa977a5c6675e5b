package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.checksum.JenkinsLookup3HashLittle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lookup3Test {

    @Test
    void matchesTheReferenceVectorsPublishedWithLookup3() {
        byte[] text = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xdeadbeef, Lookup3.hash(new byte[0], 0, 0, 0));
        assertEquals(0x17770551, Lookup3.hash(text, 0, text.length, 0));
        assertEquals(0xcd628161, Lookup3.hash(text, 0, text.length, 1));
    }

    @Test
    void agreesWithJhdfsImplementationForEveryTailLengthAndSeed() {
        Random random = new Random(7);
        for (int length = 0; length <= 200; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            for (int seed : new int[] {0, 1, 0x12345678}) {
                assertEquals(JenkinsLookup3HashLittle.hash(data, seed), Lookup3.hash(data, 0, length, seed),
                        "length " + length + " seed " + seed);
            }
        }
    }

    @Test
    void hashesOnlyTheGivenRangeOfTheArray() {
        byte[] data = new byte[100];
        new Random(3).nextBytes(data);
        byte[] middle = Arrays.copyOfRange(data, 17, 60);
        assertEquals(Lookup3.checksum(middle, 0, middle.length), Lookup3.checksum(data, 17, 43));
    }
}
