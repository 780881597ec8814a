package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event collection and its schema, as {@code GET /3.0/projects/{id}/events} lists it. Immutable and thread-safe.
 * (The name matches Keen's; where {@link java.util.Collection} is also needed, import one of them by full name.)
 *
 * @param name the collection's name; never null
 * @param properties each property path seen in the collection's events ({@code item.price}, {@code
 *     keen.timestamp}) with its type, in the server's order; never null, copied, unmodifiable
 * @param url the collection's path on the server, e.g. {@code /3.0/projects/p1/events/purchases}; null when the
 *     server sent none
 */
public record EventCollection(String name, Map<String, PropertyType> properties, String url) {

    /**
     * Creates a collection value.
     *
     * @throws NullPointerException if {@code name} or {@code properties} is null, or {@code properties} holds a
     *     null key or value
     */
    public EventCollection {
        requireNonNull(name, "name is null");
        requireNonNull(properties, "properties is null");
        Map<String, PropertyType> copy = new LinkedHashMap<>();
        properties.forEach((path, type) -> copy.put(requireNonNull(path, "property path is null"),
                requireNonNull(type, "type of property " + path + " is null")));
        properties = Collections.unmodifiableMap(copy);
    }
}
