package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * Names one series, by its id or by its key. Immutable and thread-safe.
 *
 * @param kind {@code id} or {@code key}, as in the path {@code /v1/series/{kind}/{value}/}; never null
 * @param value the id or key; never null, never empty
 */
public record SeriesRef(String kind, String value) {

    /**
     * Creates a reference; prefer {@link #id(String)} and {@link #key(String)}.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code kind} is not {@code id} or {@code key}, or {@code value} is empty
     */
    public SeriesRef {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        if (!kind.equals("id") && !kind.equals("key")) {
            throw new IllegalArgumentException("kind must be id or key, got " + kind);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a series " + kind + " must not be empty");
        }
    }

    /**
     * {@return a reference to the series with this id; never null}
     *
     * @param id the id; never null or empty
     */
    public static SeriesRef id(String id) {
        return new SeriesRef("id", id);
    }

    /**
     * {@return a reference to the series with this key (writes create it when absent); never null}
     *
     * @param key the key; never null or empty; may hold {@code /}, spaces and any script
     */
    public static SeriesRef key(String key) {
        return new SeriesRef("key", key);
    }
}
