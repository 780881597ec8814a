package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

/**
 * How to sort the groups of a grouped analysis: by {@code result} (the metric's value), by a multi-analysis
 * label, or by one of the {@code group_by} properties. Immutable and thread-safe.
 *
 * @param propertyName {@code result}, a label, or a {@code group_by} property; never null, not blank
 * @param direction ascending or descending; never null
 */
public record OrderBy(String propertyName, Direction direction) {

    /** The name that stands for the metric's value of a single (not multi-) analysis. */
    public static final String RESULT = "result";

    /** A sort direction. */
    public enum Direction {
        /** Smallest first. */
        ASC,
        /** Largest first. */
        DESC
    }

    /**
     * Creates an ordering.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code propertyName} is blank
     */
    public OrderBy {
        requireNonNull(propertyName, "propertyName is null");
        requireNonNull(direction, "direction is null");
        if (propertyName.isBlank()) {
            throw new IllegalArgumentException("order_by property name must not be blank");
        }
    }

    /**
     * Smallest first.
     *
     * @param propertyName {@code result}, a label, or a {@code group_by} property; never null
     * @return the ordering; never null
     */
    public static OrderBy asc(String propertyName) {
        return new OrderBy(propertyName, Direction.ASC);
    }

    /**
     * Largest first.
     *
     * @param propertyName {@code result}, a label, or a {@code group_by} property; never null
     * @return the ordering; never null
     */
    public static OrderBy desc(String propertyName) {
        return new OrderBy(propertyName, Direction.DESC);
    }
}
