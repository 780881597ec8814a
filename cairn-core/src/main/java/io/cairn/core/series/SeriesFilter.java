package io.cairn.core.series;

import java.util.Map;
import java.util.Set;

/**
 * Which series a multi-series call selects. Kinds (ids, keys, tags, attributes) combine with AND; within one kind
 * any one value matches (a union), as issue 5 specifies. An empty filter selects all series.
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
                && (tags.isEmpty() || tags.stream().anyMatch(series.tags()::contains))
                && (attributes.isEmpty() || attributes.entrySet().stream()
                        .anyMatch(series.attributes().entrySet()::contains));
    }
}
