package io.cairn.core.series;

import java.util.Map;
import java.util.Set;

/**
 * Which series a multi-series call selects. Kinds combine with AND; within {@code ids} and within {@code keys} any
 * one matches (a union), while every tag and every attribute must be present. An empty filter selects all series.
 */
public record SeriesFilter(Set<String> ids, Set<String> keys, Set<String> tags, Map<String, String> attributes) {

    public static final SeriesFilter ALL = new SeriesFilter(Set.of(), Set.of(), Set.of(), Map.of());

    public SeriesFilter {
        ids = Set.copyOf(ids);
        keys = Set.copyOf(keys);
        tags = Set.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    public boolean isEmpty() {
        return ids.isEmpty() && keys.isEmpty() && tags.isEmpty() && attributes.isEmpty();
    }

    public boolean matches(Series series) {
        return (ids.isEmpty() || ids.contains(series.id()))
                && (keys.isEmpty() || keys.contains(series.key()))
                && series.tags().containsAll(tags)
                && series.attributes().entrySet().containsAll(attributes.entrySet());
    }
}
