package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One result per event of an {@link IngestBatch}, in the same order. */
public record IngestReport(List<CollectionResults> collections) {

    public IngestReport {
        collections = List.copyOf(collections);
    }

    /** The results of one collection's events; {@code null} error means the event was stored. */
    public record CollectionResults(String collection, List<EventError> errors) {
        public CollectionResults {
            requireNonNull(collection, "collection is null");
            errors = Collections.unmodifiableList(new ArrayList<>(errors));
        }
    }

    public int stored() {
        return (int) collections.stream().flatMap(c -> c.errors().stream()).filter(e -> e == null).count();
    }
}
