package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

/** An ordering of grouped results: by a group_by property, or by a metric's label ({@code result}). */
public record OrderBy(String property, Direction direction) {

    public enum Direction {
        ASC,
        DESC
    }

    public OrderBy {
        requireNonNull(property, "property is null");
        requireNonNull(direction, "direction is null");
    }
}
