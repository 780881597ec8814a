package io.cairn.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;

/**
 * The SDK's one JSON configuration. Unknown fields are ignored so that a newer server can add fields without
 * breaking older SDKs; times are written as ISO-8601 strings. Stateless and thread-safe.
 */
public final class Json {

    // Kept private: callers could otherwise reconfigure a mapper that every thread shares.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {}

    /**
     * Reads a JSON document into a type Jackson can bind (records included).
     *
     * @param <T> the type to bind
     * @param json the UTF-8 bytes; never null
     * @param type the type to bind; never null
     * @return the value; null only if the document is the literal {@code null}
     * @throws IOException if the bytes are not JSON or do not fit {@code type}
     */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads a JSON document as a tree.
     *
     * @param json the UTF-8 bytes; never null
     * @return the root node; never null
     * @throws IOException if the bytes are not JSON
     */
    public static JsonNode readTree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /**
     * Starts reading a JSON document token by token, for answers too large to read as one tree; {@link
     * JsonParser#readValueAsTree()} reads one part of it as a tree.
     *
     * @param json the UTF-8 stream; never null. Closing the parser closes it
     * @return the parser, positioned before the first token; never null
     * @throws IOException if the stream cannot be read
     */
    public static JsonParser parser(InputStream json) throws IOException {
        return MAPPER.createParser(json);
    }

    /**
     * Writes a value as JSON.
     *
     * @param value a record, map, list or scalar; may be null (written as {@code null})
     * @return the UTF-8 bytes; never null
     * @throws IllegalArgumentException if Jackson cannot serialize the value, which is a bug in the caller
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
