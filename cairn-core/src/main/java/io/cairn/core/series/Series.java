package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One series' metadata: a generated id (32 lower-case hex digits), a key unique in its project, a display name, tags
 * and string attributes by which reads select series.
 */
public record Series(String id, String key, String name, List<String> tags, Map<String, String> attributes) {

    public Series {
        requireNonNull(id, "id is null");
        requireNonNull(key, "key is null");
        requireNonNull(name, "name is null");
        tags = List.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }

    /** This series with other mutable metadata; id and key stay. */
    public Series withMetadata(String name, List<String> tags, Map<String, String> attributes) {
        return new Series(id, key, name, tags, attributes);
    }
}
