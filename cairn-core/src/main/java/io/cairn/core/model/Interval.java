package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

/** A bucket width: {@code count} calendar units, e.g. 6 hours or 1 month. */
public record Interval(int count, CalendarUnit unit) {

    public Interval {
        requireNonNull(unit, "unit is null");
        if (count < 1) {
            throw new IllegalArgumentException("an interval counts at least 1 unit: " + count);
        }
    }

    public static Interval of(int count, CalendarUnit unit) {
        return new Interval(count, unit);
    }
}
