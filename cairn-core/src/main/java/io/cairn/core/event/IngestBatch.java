package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Events to store, grouped by collection, in the order they were sent, with an optional idempotency key: a batch
 * whose key was already committed is answered with the original report and stored nothing twice.
 */
public record IngestBatch(List<CollectionEvents> collections, Optional<String> idempotencyKey) {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    public IngestBatch {
        collections = List.copyOf(collections);
        requireNonNull(idempotencyKey, "idempotencyKey is null");
    }

    /** One collection's events, in order. */
    public record CollectionEvents(String collection, List<ParsedEvent> events) {
        public CollectionEvents {
            requireNonNull(collection, "collection is null");
            events = List.copyOf(events);
        }
    }

    public static IngestBatch of(String collection, ParsedEvent event) {
        return new IngestBatch(List.of(new CollectionEvents(collection, List.of(event))), Optional.empty());
    }

    public int eventCount() {
        return collections.stream().mapToInt(c -> c.events().size()).sum();
    }
}
