package io.cairn.core.model;

import java.util.Locale;
import java.util.Optional;

/** How a filter compares a property with its value. */
public enum FilterOperator {
    EQ,
    NE,
    LT,
    LTE,
    GT,
    GTE,
    /** The value is a boolean: whether the property has a value at all. */
    EXISTS,
    /** The value is a list: the property equals one of its elements. */
    IN,
    /** A string property contains the value as a substring, or a list property contains it as an element. */
    CONTAINS,
    NOT_CONTAINS,
    STARTS_WITH,
    /** The value is a regular expression the whole string property must match somewhere. */
    REGEX,
    /** The value is {@code {"coordinates": [lon, lat], "max_distance_miles": n}}; the property is [lon, lat]. */
    WITHIN;

    /** The wire name, e.g. {@code not_contains}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FilterOperator> fromId(String id) {
        for (FilterOperator operator : values()) {
            if (operator.id().equals(id)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
