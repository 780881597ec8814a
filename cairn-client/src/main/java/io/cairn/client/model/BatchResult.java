package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server did with each event of a batch ({@code POST /3.0/projects/{id}/events}): per collection, one
 * {@link EventResult} per event, in the order the events were sent. Some events of a batch may be stored while
 * others are rejected. Immutable and thread-safe.
 *
 * @param results the results by collection name, in the server's order; never null, copied, unmodifiable
 */
public record BatchResult(Map<String, List<EventResult>> results) {

    private static final BatchResult EMPTY = new BatchResult(Map.of());

    /**
     * Creates a batch result.
     *
     * @throws NullPointerException if {@code results}, a collection name, a list or a result is null
     */
    public BatchResult {
        requireNonNull(results, "results is null");
        Map<String, List<EventResult>> copy = new LinkedHashMap<>();
        results.forEach((collection, list) -> copy.put(requireNonNull(collection, "collection is null"),
                List.copyOf(requireNonNull(list, "results of " + collection + " are null"))));
        results = Collections.unmodifiableMap(copy);
    }

    /**
     * The result of a batch with no events.
     *
     * @return the shared empty result; never null
     */
    public static BatchResult empty() {
        return EMPTY;
    }

    /**
     * The results of one collection's events.
     *
     * @param collection the collection's name; never null
     * @return one result per event, in the order sent; never null, empty when the batch had no such collection
     * @throws NullPointerException if {@code collection} is null
     */
    public List<EventResult> results(String collection) {
        return results.getOrDefault(requireNonNull(collection, "collection is null"), List.of());
    }

    /**
     * How many events the batch held.
     *
     * @return the number of results of all collections
     */
    public int count() {
        return results.values().stream().mapToInt(List::size).sum();
    }

    /**
     * How many events were stored.
     *
     * @return the number of successful results
     */
    public int successCount() {
        return count() - failures().size();
    }

    /**
     * Whether every event was stored.
     *
     * @return true when no result is a failure, including for an empty batch
     */
    public boolean allSucceeded() {
        return results.values().stream().flatMap(List::stream).allMatch(EventResult::success);
    }

    /**
     * The events that were not stored, collection by collection in the server's order, each collection's in the
     * order sent.
     *
     * @return the failures; never null, empty when all events were stored
     */
    public List<Failure> failures() {
        List<Failure> failures = new ArrayList<>();
        results.forEach((collection, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).success()) {
                    failures.add(new Failure(collection, i, list.get(i)));
                }
            }
        });
        return List.copyOf(failures);
    }

    /**
     * One event the server did not store, and where it was in the batch.
     *
     * @param collection the event's collection; never null
     * @param index the event's position in that collection's list of the request, from 0
     * @param result why it was not stored; never null, never a success
     */
    public record Failure(String collection, int index, EventResult result) {

        /**
         * Creates a failure value.
         *
         * @throws NullPointerException if {@code collection} or {@code result} is null
         * @throws IllegalArgumentException if {@code index} is negative or {@code result} is a success
         */
        public Failure {
            requireNonNull(collection, "collection is null");
            requireNonNull(result, "result is null");
            if (index < 0 || result.success()) {
                throw new IllegalArgumentException("a failure needs an index >= 0 and an unsuccessful result");
            }
        }
    }
}
