package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElementTypeTest {

    @Test
    void numpyNamesAndTheirShortFormsResolve() {
        assertEquals(Optional.of(ElementType.FLOAT32), ElementType.forNumpyName("float32"));
        assertEquals(Optional.of(ElementType.FLOAT32), ElementType.forNumpyName("<f4"));
        assertEquals(Optional.of(ElementType.UINT64), ElementType.forNumpyName("uint64"));
        assertEquals(Optional.of(ElementType.BOOL), ElementType.forNumpyName("bool"));
        assertEquals(Optional.of(ElementType.BFLOAT16), ElementType.forNumpyName("bfloat16"));
        assertEquals(Optional.of(ElementType.FLOAT16), ElementType.forNumpyName(" Float16 "));
    }

    @Test
    void unsupportedAndBigEndianNamesAreRejected() {
        assertTrue(ElementType.forNumpyName("complex64").isEmpty());
        assertTrue(ElementType.forNumpyName(">f4").isEmpty());
        assertTrue(ElementType.forNumpyName(null).isEmpty());
    }

    @Test
    void sizesAreTheNumpyItemSizes() {
        assertEquals(2, ElementType.FLOAT16.size());
        assertEquals(2, ElementType.BFLOAT16.size());
        assertEquals(1, ElementType.BOOL.size());
        assertEquals(8, ElementType.INT64.size());
    }
}
