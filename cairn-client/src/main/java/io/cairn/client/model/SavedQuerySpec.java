package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a saved query is: the query, how often the server refreshes its cached result, and free-form metadata. Sent
 * whole to create or replace a saved query. Start from {@link #of(QueryDefinition)}, or from an existing saved
 * query's {@link SavedQuery#spec()}, and change parts with the {@code with…} methods, each of which returns a copy.
 * Immutable and thread-safe as long as metadata values are not changed after they are given.
 *
 * @param query the query; never null
 * @param refreshRate how often the server recomputes and caches the result: {@link Duration#ZERO} for never (each
 *     read computes it), else from {@link #MIN_REFRESH_RATE} to {@link #MAX_REFRESH_RATE}, in whole seconds; never
 *     null
 * @param metadata free-form data kept with the query (Keen's explorer keeps display settings there): maps with
 *     string keys, lists, strings, numbers, booleans, null; never null, copied at the top level, unmodifiable
 */
public record SavedQuerySpec(QueryDefinition query, Duration refreshRate, Map<String, Object> metadata) {

    /** The shortest refresh rate but zero that Keen accepts: 4 hours. */
    public static final Duration MIN_REFRESH_RATE = Duration.ofHours(4);
    /** The longest refresh rate Keen accepts: 24 hours. */
    public static final Duration MAX_REFRESH_RATE = Duration.ofHours(24);

    /**
     * Creates a spec.
     *
     * @throws NullPointerException if an argument or a metadata name is null
     * @throws IllegalArgumentException if {@code refreshRate} is neither zero nor between the bounds in whole
     *     seconds
     */
    public SavedQuerySpec {
        requireNonNull(query, "query is null");
        requireNonNull(refreshRate, "refreshRate is null");
        boolean inRange = refreshRate.compareTo(MIN_REFRESH_RATE) >= 0 && refreshRate.compareTo(MAX_REFRESH_RATE) <= 0;
        if (!refreshRate.isZero() && !(inRange && refreshRate.getNano() == 0)) {
            throw new IllegalArgumentException("refreshRate must be zero (no caching) or whole seconds from "
                    + MIN_REFRESH_RATE + " to " + MAX_REFRESH_RATE + ", got " + refreshRate);
        }
        requireNonNull(metadata, "metadata is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((name, value) -> copy.put(requireNonNull(name, "metadata name is null"), value));
        metadata = Collections.unmodifiableMap(copy);
    }

    /**
     * A spec that is never refreshed and has no metadata.
     *
     * @param query the query, e.g. {@code events.count("purchases").groupBy("country").definition()}; never null
     * @return the spec; never null
     */
    public static SavedQuerySpec of(QueryDefinition query) {
        return new SavedQuerySpec(query, Duration.ZERO, Map.of());
    }

    /**
     * This spec with another query.
     *
     * @param query the query; never null
     * @return the copy; never null
     */
    public SavedQuerySpec withQuery(QueryDefinition query) {
        return new SavedQuerySpec(query, refreshRate, metadata);
    }

    /**
     * This spec with another refresh rate.
     *
     * @param refreshRate zero, or whole seconds from {@link #MIN_REFRESH_RATE} to {@link #MAX_REFRESH_RATE}; never
     *     null
     * @return the copy; never null
     * @throws IllegalArgumentException if the rate is out of range
     */
    public SavedQuerySpec withRefreshRate(Duration refreshRate) {
        return new SavedQuerySpec(query, refreshRate, metadata);
    }

    /**
     * This spec with other metadata.
     *
     * @param metadata the metadata, as the class describes; never null
     * @return the copy; never null
     */
    public SavedQuerySpec withMetadata(Map<String, ?> metadata) {
        return new SavedQuerySpec(query, refreshRate,
                Collections.unmodifiableMap(requireNonNull(metadata, "metadata is null")));
    }
}
