package io.cairn.server.dialect.tempodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.server.http.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items of TempoDB's write bodies with a streaming parser: {@code [{"t", "v"}]} for one series,
 * {@code [{"t", "id"|"key", "v"}]} for multi writes, {@code {"t", "data": [{"id"|"key", "v"}]}} for bulk writes.
 * Items are kept as sent (a bad one is reported, not thrown), so that multi writes can answer per item.
 */
final class TempoDbPointsReader {

    /**
     * Writes and reads carry many thousands of numbers; the fast double parser and writer handle them in a fraction
     * of the JDK's time. Shared by the data handler for its streamed answers.
     */
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** One item as sent; a field that was absent is null, a value that was not a number is {@code NaN}. */
    record Item(String t, String id, String key, double v, boolean hasValue) {}

    /** A bulk body: one time, many items. */
    record Bulk(String t, List<Item> items) {}

    private TempoDbPointsReader() {}

    static List<Item> array(InputStream body) {
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw invalid("the body must be a JSON array of points");
            }
            List<Item> items = items(json);
            requireEnd(json);
            return items;
        } catch (JsonProcessingException e) {
            throw RequestBodies.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bulk bulk(InputStream body) {
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("the body must be a JSON object with t and data");
            }
            String t = null;
            List<Item> items = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("t")) {
                    t = value == JsonToken.VALUE_STRING ? json.getText() : null;
                } else if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    items = items(json);
                } else {
                    json.skipChildren();
                }
            }
            if (items == null) {
                throw invalid("data is required: an array of {\"id\" or \"key\", \"v\"}");
            }
            requireEnd(json);
            return new Bulk(t, items);
        } catch (JsonProcessingException e) {
            throw RequestBodies.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Item> items(JsonParser json) throws IOException {
        List<Item> items = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                json.skipChildren();
                items.add(new Item(null, null, null, Double.NaN, false));
                continue;
            }
            items.add(item(json));
        }
        return items;
    }

    private static Item item(JsonParser json) throws IOException {
        String t = null;
        String id = null;
        String key = null;
        double v = Double.NaN;
        boolean hasValue = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken token = json.nextToken();
            switch (field) {
                case "t" -> t = token == JsonToken.VALUE_STRING ? json.getText() : "";
                case "id" -> id = token == JsonToken.VALUE_STRING ? json.getText() : "";
                case "key" -> key = token == JsonToken.VALUE_STRING ? json.getText() : "";
                case "v" -> {
                    hasValue = true;
                    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                        v = json.getDoubleValue();
                    }
                }
                default -> json.skipChildren();
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                json.skipChildren();
            }
        }
        return new Item(t, id, key, v, hasValue);
    }

    /** A body is one JSON value: anything after it makes the request malformed, not half-read. */
    private static void requireEnd(JsonParser json) throws IOException {
        if (json.nextToken() != null) {
            throw invalid("the body must hold one JSON value; more JSON follows it");
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_JSON, message);
    }
}
