package io.cairn.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an extraction's answer, {@code {"result": [event, ...]}}, one event at a time as the server streams it, so
 * that an extraction of millions of events never sits in memory whole. Not thread-safe: one stream, one consumer.
 */
final class KeenEventStream extends Spliterators.AbstractSpliterator<Map<String, Object>> {

    private final JsonParser parser;
    private final String target;

    private KeenEventStream(JsonParser parser, String target) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.parser = parser;
        this.target = target;
    }

    /**
     * The events of an answer, read lazily; closing the stream closes the body and so releases the connection.
     *
     * @param body the answer's body, open; closed by the stream, or here if the answer's start cannot be read
     * @param target what was asked, for error messages
     * @throws CairnClientException if the answer does not start as an extraction answer
     * @throws CairnConnectionException if the connection fails before the first event
     */
    static Stream<Map<String, Object>> open(InputStream body, String target) {
        JsonParser parser = null;
        try {
            parser = Json.parser(body);
            KeenEventStream events = new KeenEventStream(parser, target);
            events.seekResult();
            JsonParser opened = parser;
            return StreamSupport.stream(events, false).onClose(() -> events.close(opened));
        } catch (IOException | RuntimeException e) {
            closeQuietly(parser, body);
            throw e instanceof RuntimeException runtime ? runtime : failure((IOException) e, target);
        }
    }

    /** Moves the parser to just inside the {@code result} array, skipping any other field before it. */
    private void seekResult() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw unreadable("expected a JSON object");
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("result")) {
                if (value != JsonToken.START_ARRAY) {
                    throw unreadable("result is not a list of events");
                }
                return;
            }
            parser.skipChildren();
        }
        throw unreadable("the answer has no result");
    }

    @Override
    public boolean tryAdvance(Consumer<? super Map<String, Object>> action) {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw unreadable("the answer ended inside the list of events");
            }
            if (token == JsonToken.END_ARRAY) {
                return false;
            }
            JsonNode event = parser.readValueAsTree();
            action.accept(KeenResults.event(event));
            return true;
        } catch (IOException e) {
            throw failure(e, target);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
    }

    private void close(JsonParser opened) {
        try {
            opened.close();
        } catch (IOException e) {
            // Closing only releases the connection; a failure to do so leaves nothing for the caller to act on.
        }
    }

    private CairnClientException unreadable(String detail) {
        return new CairnClientException("unreadable answer to " + target + ": " + detail);
    }

    private static CairnClientException failure(IOException e, String target) {
        if (e instanceof JsonProcessingException json) {
            return new CairnClientException("unreadable answer to " + target + ": " + json.getOriginalMessage(), e);
        }
        return new CairnConnectionException(target + " failed while reading the answer: " + e, e);
    }

    private static void closeQuietly(JsonParser parser, InputStream body) {
        try {
            if (parser != null) {
                parser.close();
            }
            body.close();
        } catch (IOException e) {
            // As in close(): nothing to report.
        }
    }
}
