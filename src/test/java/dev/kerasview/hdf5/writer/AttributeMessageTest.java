package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttributeMessageTest {

    @Test
    void validatedSizeIsTheSizeOfTheEncodedMessage() {
        List<AttributeValue> values = List.of(
                AttributeValue.string("tensorflow", StringEncoding.VLEN_UTF8),
                AttributeValue.string("x".repeat(300_000), StringEncoding.VLEN_ASCII),
                AttributeValue.strings(List.of("a", "bcd"), StringEncoding.FIXED_ASCII),
                AttributeValue.strings(List.of(), StringEncoding.VLEN_ASCII),
                AttributeValue.emptyFloat64Array(),
                new AttributeValue.Numeric("int32", new long[] {2, 2}, new byte[16]));
        for (AttributeValue value : values) {
            HeaderMessage message = AttributeMessage.encode("näme", value, new GlobalHeap(0));
            assertEquals(message.body().length, AttributeMessage.validatedSize("näme", value), value.toString());
        }
    }

    @Test
    void aVariableLengthStringTakesSixteenBytesInTheHeaderWhateverItsLength() {
        int small = AttributeMessage.validatedSize("c", AttributeValue.string("x", StringEncoding.VLEN_ASCII));
        int large = AttributeMessage.validatedSize("c", AttributeValue.string("x".repeat(1_000_000), StringEncoding.VLEN_ASCII));
        assertEquals(small, large);
    }

    @Test
    void valuesTooLargeForAnObjectHeaderAreRefusedWithAHint() {
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class, () -> AttributeMessage
                .validatedSize("model_config", AttributeValue.string("x".repeat(70_000), StringEncoding.FIXED_ASCII)));
        assertTrue(fixed.getMessage().contains("model_config") && fixed.getMessage().contains("VLEN"), fixed.getMessage());

        List<String> names = IntStream.range(0, 5000).mapToObj(i -> "layer" + i).toList();
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> AttributeMessage.validatedSize("layer_names", AttributeValue.strings(names, StringEncoding.VLEN_ASCII)));
        assertTrue(many.getMessage().contains("layer_names0"), many.getMessage());
        // 4,000 names fit: 64,000 bytes of references
        AttributeMessage.validatedSize("layer_names", AttributeValue.strings(names.subList(0, 4000), StringEncoding.VLEN_ASCII));
    }

    @Test
    void numericValuesMustMatchTheirShapeAndDtype() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> AttributeMessage
                .validatedSize("w", new AttributeValue.Numeric("float32", new long[] {3}, new byte[8])));
        assertTrue(wrong.getMessage().contains("12") && wrong.getMessage().contains("8"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributeMessage
                .validatedSize("w", new AttributeValue.Numeric("complex64", new long[] {1}, new byte[8])));
    }
}
