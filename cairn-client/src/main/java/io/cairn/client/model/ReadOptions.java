package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a series read asks for: the range {@code [start, end)}, and optionally a rollup and the zone its buckets
 * align to. Without interval and function the server picks the rollup by the range's length (TempoDB's automatic
 * rollup); an interval without a function folds with the mean. Immutable and thread-safe; build with {@link
 * #range(Instant, Instant)} and the {@code with…} methods.
 *
 * @param start the range's start, included; never null
 * @param end the range's end, excluded; never null
 * @param interval e.g. {@code 1hour}, {@code 5min}, {@code 1day}, {@code PT1H}, or {@code raw}; null for automatic
 * @param function {@code sum, max, min, mean, stddev, count, first, last, range}; null for the default
 * @param zone the zone rollup buckets align to; null for UTC
 */
public record ReadOptions(Instant start, Instant end, String interval, String function, ZoneId zone) {

    /**
     * Creates options.
     *
     * @throws NullPointerException if {@code start} or {@code end} is null
     * @throws IllegalArgumentException if {@code start} is not before {@code end}
     */
    public ReadOptions {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + " to " + end);
        }
    }

    /**
     * {@return options reading {@code [start, end)} with the automatic rollup; never null}
     *
     * @param start the start, included; never null
     * @param end the end, excluded; never null
     */
    public static ReadOptions range(Instant start, Instant end) {
        return new ReadOptions(start, end, null, null, null);
    }

    /**
     * {@return these options with a rollup; never null}
     *
     * @param interval e.g. {@code 1hour}; never null
     * @param function e.g. {@code max}; never null
     */
    public ReadOptions withRollup(String interval, String function) {
        return new ReadOptions(start, end, requireNonNull(interval, "interval is null"),
                requireNonNull(function, "function is null"), zone);
    }

    /** {@return these options reading the raw points; never null} */
    public ReadOptions raw() {
        return new ReadOptions(start, end, "raw", null, zone);
    }

    /**
     * {@return these options with buckets aligned to {@code zone}; never null}
     *
     * @param zone the zone; never null
     */
    public ReadOptions withZone(ZoneId zone) {
        return new ReadOptions(start, end, interval, function, requireNonNull(zone, "zone is null"));
    }
}
