package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One point of a series: a time and a value. Immutable and thread-safe.
 *
 * @param t the time; never null (the wire keeps milliseconds)
 * @param v the value
 */
public record DataPoint(Instant t, double v) {

    /**
     * Creates a point.
     *
     * @throws NullPointerException if {@code t} is null
     */
    public DataPoint {
        requireNonNull(t, "t is null");
    }

    /**
     * {@return a point; never null}
     *
     * @param t the time; never null
     * @param v the value
     */
    public static DataPoint of(Instant t, double v) {
        return new DataPoint(t, v);
    }
}
