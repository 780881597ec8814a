package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The events an extraction answered, each a map of its properties as the server shows them: nested objects as
 * maps, lists as lists, whole numbers as {@link Long}, other numbers as {@link Double}, and date-times (such as
 * {@code keen.timestamp}) as the server's ISO-8601 strings. Immutable and thread-safe.
 *
 * @param events the events in the server's order (Cairn: oldest first); never null, unmodifiable
 */
public record ExtractionResult(List<Map<String, Object>> events) implements QueryResult {

    /**
     * Creates an extraction result; the list is copied, the events are kept as given.
     *
     * @throws NullPointerException if {@code events} or an event is null
     */
    public ExtractionResult {
        events = List.copyOf(requireNonNull(events, "events is null"));
    }
}
