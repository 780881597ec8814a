package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One point of a multi write, naming its own series. Immutable and thread-safe.
 *
 * @param t the time; never null
 * @param series the series (by key, created when absent; or by id); never null
 * @param v the value (the amount to add, for increments)
 */
public record MultiPoint(Instant t, SeriesRef series, double v) {

    /**
     * Creates a point.
     *
     * @throws NullPointerException if {@code t} or {@code series} is null
     */
    public MultiPoint {
        requireNonNull(t, "t is null");
        requireNonNull(series, "series is null");
    }
}
