package io.cairn.client.model;

import java.util.List;
import java.util.Map;

/**
 * Which series a list, multi-series read or delete selects: any of {@code ids}, any of {@code keys}, any of {@code
 * tags}, any of {@code attributes}, the kinds combined with AND. Empty selects all. Immutable and thread-safe.
 *
 * @param ids series ids, any of which matches; never null
 * @param keys series keys, any of which matches; never null
 * @param tags tags, any of which matches; never null
 * @param attributes attribute values, any of which matches; never null
 */
public record SeriesFilter(List<String> ids, List<String> keys, List<String> tags, Map<String, String> attributes) {

    /** Selects every series. */
    public static final SeriesFilter ALL = new SeriesFilter(List.of(), List.of(), List.of(), Map.of());

    /**
     * Creates a filter; the collections are copied.
     *
     * @throws NullPointerException if an argument is null or holds a null
     */
    public SeriesFilter {
        ids = List.copyOf(ids);
        keys = List.copyOf(keys);
        tags = List.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    /**
     * {@return a filter selecting the series with any of these keys; never null}
     *
     * @param keys the keys; never null
     */
    public static SeriesFilter keys(String... keys) {
        return new SeriesFilter(List.of(), List.of(keys), List.of(), Map.of());
    }

    /**
     * {@return a filter selecting the series with any of these ids; never null}
     *
     * @param ids the ids; never null
     */
    public static SeriesFilter ids(String... ids) {
        return new SeriesFilter(List.of(ids), List.of(), List.of(), Map.of());
    }

    /**
     * {@return this filter also requiring one of these tags; never null}
     *
     * @param tags the tags; never null
     */
    public SeriesFilter withTags(String... tags) {
        return new SeriesFilter(ids, keys, List.of(tags), attributes);
    }

    /**
     * {@return this filter also requiring one of these attribute values; never null}
     *
     * @param attributes the attributes; never null
     */
    public SeriesFilter withAttributes(Map<String, String> attributes) {
        return new SeriesFilter(ids, keys, tags, attributes);
    }

    /** {@return whether this filter selects every series} */
    public boolean isEmpty() {
        return ids.isEmpty() && keys.isEmpty() && tags.isEmpty() && attributes.isEmpty();
    }
}
