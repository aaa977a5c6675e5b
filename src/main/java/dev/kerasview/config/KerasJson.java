package dev.kerasview.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses and writes JSON in Python's {@code json} dialect: bare {@code NaN}/{@code Infinity},
 * 64-bit integers, and bounded nesting so that a hostile file cannot exhaust the stack.
 */
public final class KerasJson {

    /** Deepest nesting accepted; real Keras configs stay far below. */
    public static final int MAX_NESTING = 2_000;

    /** Largest JSON text accepted, in bytes; real configs run to a few MB at most. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength((int) Math.min(Integer.MAX_VALUE, MAX_BYTES))
                            .build())
                    // what was read must write back: Jackson's default write limit is 1000
                    .streamWriteConstraints(StreamWriteConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private KerasJson() {
    }

    /** The shared, immutable mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text; the exception message says what is wrong and where. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Parses UTF-8 JSON bytes. */
    public static JsonNode parse(byte[] utf8) throws IOException {
        return MAPPER.readTree(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Compact JSON in Python's {@code json.dumps} style ({@code ", "} and {@code ": "}). */
    public static String toPythonJson(JsonNode node) {
        return PythonJsonWriter.write(node);
    }

    /** Compact JSON with Jackson's default separators. */
    public static String toCompactJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

}
