package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayFormatTest {

    @Test
    void bytesUseBinaryUnitsWithOneDecimal() {
        assertEquals("512 B", DisplayFormat.bytes(512));
        assertEquals("177.9 KB", DisplayFormat.bytes(182127));
        assertEquals("1.0 GB", DisplayFormat.bytes(1L << 30));
    }

    @Test
    void shapesLookLikeKerasPrintsThem() {
        assertEquals("(4, 16)", DisplayFormat.shape(List.of(4L, 16L)));
        assertEquals("(16,)", DisplayFormat.shape(List.of(16L)));
        assertEquals("()", DisplayFormat.shape(List.of()));
    }

    @Test
    void numbersAreCompactAndSpellOutSpecialValues() {
        assertEquals("0.25", DisplayFormat.number(0.25));
        assertEquals("-3", DisplayFormat.number(-3));
        assertEquals("1.0000e-05", DisplayFormat.number(1e-5));
        assertEquals("NaN", DisplayFormat.number(Double.NaN));
        assertEquals("-inf", DisplayFormat.number(Double.NEGATIVE_INFINITY));
        assertEquals("1,234,567", DisplayFormat.count(1234567));
    }

    @Test
    void countsAreGroupedInThreesAsJavasFormatterGroupsThem() {
        for (long n : new long[] {0, 7, -7, 999, 1000, -1000, 12345, 123456, -123456, 1234567,
                100000000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), DisplayFormat.count(n), "n=" + n);
        }
    }
}
