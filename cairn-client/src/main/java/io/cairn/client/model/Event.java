package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event and the collection it was added to, as an {@link io.cairn.client.EventWriter} holds it: a snapshot
 * taken when the event was added, with date-times already turned into ISO-8601 UTC strings. Immutable (the
 * property map is unmodifiable) and thread-safe.
 *
 * @param collection the event collection's name; never null
 * @param properties the event as sent; never null, unmodifiable; values may be null
 */
public record Event(String collection, Map<String, Object> properties) {

    /**
     * Creates an event value; the top level of {@code properties} is copied, nested maps and lists are kept as
     * given.
     *
     * @throws NullPointerException if an argument or a property name is null
     */
    public Event {
        requireNonNull(collection, "collection is null");
        requireNonNull(properties, "properties is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((name, value) -> copy.put(requireNonNull(name, "property name is null"), value));
        properties = Collections.unmodifiableMap(copy);
    }
}
