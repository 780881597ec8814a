package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.ParsedEvent;
import io.cairn.server.http.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Keen's batch body {@code {"coll": [event, ...], ...}} into an {@link IngestBatch}, streaming event by event
 * without building a tree of the whole body. Public so that the benchmark's in-process baseline parses exactly as
 * the server does.
 */
public final class KeenBatchReader {

    private KeenBatchReader() {}

    /**
     * @throws InvalidRequestException when the body is not a Keen batch or not JSON (per-event problems are not
     *                                 thrown: they become {@link ParsedEvent.Invalid} entries)
     */
    public static IngestBatch read(InputStream body, Optional<String> idempotencyKey) {
        List<IngestBatch.CollectionEvents> collections = new ArrayList<>();
        EventParser events = new EventParser(KeenWire.FACTORY);
        try (JsonParser parser = KeenWire.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRequestException(ErrorCode.INVALID_EVENT,
                        "a batch is a JSON object mapping collection names to lists of events");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String collection = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidRequestException(ErrorCode.INVALID_EVENT,
                            "the events of collection " + collection + " must be a JSON list");
                }
                List<ParsedEvent> parsed = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parsed.add(events.read(parser));
                }
                collections.add(new IngestBatch.CollectionEvents(collection, parsed));
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestException(ErrorCode.INVALID_JSON, "unexpected content after the batch");
            }
        } catch (JsonProcessingException e) {
            throw RequestBodies.malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IngestBatch(collections, idempotencyKey);
    }
}
