package dev.kerasview.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes the writer's datatype messages with the HDF5 library (through h5py) and compares them with h5py's own. */
class DatatypeMessageTest {

    private static final String DECODE = """
            import h5py, json, sys
            import numpy as np
            out = {}
            for arg in sys.argv[1:]:
                name, hexed = arg.split('=')
                tid = h5py.h5t.decode(bytes([3, 0]) + bytes.fromhex(hexed))
                entry = {'class': tid.get_class(), 'size': tid.get_size()}
                if name.startswith('numeric:') and name != 'numeric:bfloat16':
                    own = h5py.h5t.py_create(np.dtype(name.split(':')[1]), logical=True)
                    entry['dtype'] = str(tid.dtype)
                    entry['same_as_h5py'] = own.encode()[2:].hex() == hexed
                    entry['equal_to_h5py'] = bool(tid == own)
                if name == 'numeric:bfloat16':
                    entry['tag'] = tid.get_tag().decode()
                    entry['dtype'] = str(tid.dtype)
                if tid.get_class() == h5py.h5t.STRING:
                    entry['variable'] = bool(tid.is_variable_str())
                    entry['utf8'] = tid.get_cset() == h5py.h5t.CSET_UTF8
                    entry['nullpad'] = (not tid.is_variable_str()) and tid.get_strpad() == h5py.h5t.STR_NULLPAD
                    own = h5py.h5t.py_create(h5py.string_dtype('utf-8' if entry['utf8'] else 'ascii') if entry['variable'] else np.dtype('S7'), logical=True)
                    # h5py's type is the in-memory one: a vlen string has the size of a pointer there,
                    # 16 bytes (length, heap address, index) in a file; compare all but the size field
                    ours, theirs = bytes.fromhex(hexed), own.encode()[2:]
                    entry['same_as_h5py'] = ours[:4] + ours[8:] == theirs[:4] + theirs[8:]
                out[name] = entry
            print(json.dumps(out))
            """;

    @Test
    void everyNumericTypeDecodesInTheHdf5LibraryToTheSameTypeH5pyCreates() throws IOException {
        List<String> args = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            args.add("numeric:" + type.numpyName() + "=" + HexFormat.of().formatHex(DatatypeMessage.numeric(type)));
        }
        JsonNode decoded = ReferenceReaders.python(DECODE, args.toArray(String[]::new));
        for (ElementType type : ElementType.values()) {
            JsonNode entry = decoded.get("numeric:" + type.numpyName());
            assertEquals(type.size(), entry.get("size").asInt(), type.toString());
            if (type == ElementType.BFLOAT16) {
                assertEquals(5, entry.get("class").asInt(), "opaque");
                assertEquals("", entry.get("tag").asText());
                assertEquals("|V2", entry.get("dtype").asText());
            } else {
                assertEquals(type.numpyName(), entry.get("dtype").asText());
                assertTrue(entry.get("equal_to_h5py").asBoolean(), type.toString());
                assertTrue(entry.get("same_as_h5py").asBoolean(), type + " encodes byte for byte as h5py does");
            }
        }
    }

    @Test
    void stringTypesMatchH5pysVariableLengthAndFixedLengthStrings() throws IOException {
        JsonNode decoded = ReferenceReaders.python(DECODE,
                "vlen_utf8=" + HexFormat.of().formatHex(DatatypeMessage.variableLengthString(true)),
                "vlen_ascii=" + HexFormat.of().formatHex(DatatypeMessage.variableLengthString(false)),
                "fixed7=" + HexFormat.of().formatHex(DatatypeMessage.fixedString(7)));
        // (the library decodes a vlen type to its in-memory form, so its size is not checked here;
        // the files read back in Hdf5WriterTest prove the 16-byte on-disk size)
        JsonNode utf8 = decoded.get("vlen_utf8");
        assertTrue(utf8.get("variable").asBoolean() && utf8.get("utf8").asBoolean() && utf8.get("same_as_h5py").asBoolean());
        JsonNode ascii = decoded.get("vlen_ascii");
        assertTrue(ascii.get("variable").asBoolean() && !ascii.get("utf8").asBoolean() && ascii.get("same_as_h5py").asBoolean());
        JsonNode fixed = decoded.get("fixed7");
        assertEquals(7, fixed.get("size").asInt());
        assertTrue(!fixed.get("variable").asBoolean() && fixed.get("nullpad").asBoolean() && fixed.get("same_as_h5py").asBoolean());
    }
}
