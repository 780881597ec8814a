package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a metric analysis or a multi-analysis, in one of three shapes, fixed by the query: a single
 * {@link Value}; {@link Groups} when the query had {@code group_by}; a {@link Series} of intervals when it had an
 * {@code interval}, each interval holding a value or, with {@code group_by} too, groups. Consume it with a {@code
 * switch}, or, knowing the query's shape, with {@link #value()}, {@link #groups()} or {@link #intervals()}.
 * Immutable and thread-safe.
 *
 * @param <V> the type of each value: {@link Long} for {@code count} and {@code count_unique}, {@link Double} for
 *     the arithmetic metrics (null where there was nothing to compute, e.g. the average of no events), {@code
 *     List<Object>} for {@code select_unique}, {@link LabeledValues} for a multi-analysis; {@link Object} for a saved
 *     query's result, whose values are typed by its analysis type in the same way
 */
public sealed interface AnalysisResult<V> extends QueryResult
        permits AnalysisResult.Value, AnalysisResult.Groups, AnalysisResult.Series {

    /**
     * The value of an analysis with neither {@code group_by} nor {@code interval}.
     *
     * @return the value; null only for an arithmetic metric with nothing to compute
     * @throws IllegalStateException if this result is not a {@link Value}
     */
    default V value() {
        throw new IllegalStateException(wrongShape("value()"));
    }

    /**
     * The groups of an analysis with {@code group_by} and no {@code interval}.
     *
     * @return the groups in the server's order; never null
     * @throws IllegalStateException if this result is not {@link Groups}
     */
    default List<Group<V>> groups() {
        throw new IllegalStateException(wrongShape("groups()"));
    }

    /**
     * The intervals of an analysis with an {@code interval}.
     *
     * @return the intervals, oldest first; never null
     * @throws IllegalStateException if this result is not a {@link Series}
     */
    default List<Interval<V>> intervals() {
        throw new IllegalStateException(wrongShape("intervals()"));
    }

    private String wrongShape(String call) {
        String shape = switch (this) {
            case Value<V> ignored -> "a single value (use value())";
            case Groups<V> ignored -> "groups (the query had group_by; use groups())";
            case Series<V> ignored -> "a series (the query had an interval; use intervals())";
        };
        return call + " called on " + shape;
    }

    /**
     * A single value.
     *
     * @param <V> the value type
     * @param value the value; may be null (see the class)
     */
    record Value<V>(V value) implements AnalysisResult<V> {}

    /**
     * One value per group.
     *
     * @param <V> the value type
     * @param groups the groups in the server's order (by their values unless the query ordered them); never null,
     *     copied, unmodifiable
     */
    record Groups<V>(List<Group<V>> groups) implements AnalysisResult<V> {

        /**
         * Creates a grouped result.
         *
         * @throws NullPointerException if {@code groups} or a group is null
         */
        public Groups {
            groups = List.copyOf(requireNonNull(groups, "groups is null"));
        }
    }

    /**
     * One value, or one set of groups, per interval.
     *
     * @param <V> the value type
     * @param intervals the intervals, oldest first; never null, copied, unmodifiable
     */
    record Series<V>(List<Interval<V>> intervals) implements AnalysisResult<V> {

        /**
         * Creates a series.
         *
         * @throws NullPointerException if {@code intervals} or an interval is null
         */
        public Series {
            intervals = List.copyOf(requireNonNull(intervals, "intervals is null"));
        }
    }

    /**
     * One group: the values of the {@code group_by} properties that define it, and the metric's value for it.
     *
     * @param <V> the value type
     * @param keys each {@code group_by} property's value, in the query's order: a string, a {@link Long} or {@link
     *     Double}, a boolean, or null for events without the property; never null, unmodifiable
     * @param value the metric's value for the group; may be null (see the class)
     */
    record Group<V>(Map<String, Object> keys, V value) {

        /**
         * Creates a group; the keys are copied.
         *
         * @throws NullPointerException if {@code keys} or a property name is null
         */
        public Group {
            requireNonNull(keys, "keys is null");
            Map<String, Object> copy = new LinkedHashMap<>();
            keys.forEach((property, key) -> copy.put(requireNonNull(property, "property is null"), key));
            keys = Collections.unmodifiableMap(copy);
        }

        /**
         * One {@code group_by} property's value.
         *
         * @param property the property's path, as given to {@code group_by}; never null
         * @return the value; null for the group of events without the property
         * @throws IllegalArgumentException if the query did not group by {@code property}
         */
        public Object key(String property) {
            if (!keys.containsKey(requireNonNull(property, "property is null"))) {
                throw new IllegalArgumentException("not grouped by " + property + "; the group keys are "
                        + keys.keySet());
            }
            return keys.get(property);
        }
    }

    /**
     * One interval of a series, as the server wrote it: its bounds with the offset of the query's timezone, and its
     * value or groups.
     *
     * @param <V> the value type
     * @param start the first instant of the interval; never null
     * @param end the first instant after the interval; never null
     * @param result a {@link Value}, or {@link Groups} when the query had {@code group_by}; never null, never a
     *     {@link Series}
     */
    record Interval<V>(OffsetDateTime start, OffsetDateTime end, AnalysisResult<V> result) {

        /**
         * Creates an interval.
         *
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code result} is a series
         */
        public Interval {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            requireNonNull(result, "result is null");
            if (result instanceof Series<V>) {
                throw new IllegalArgumentException("an interval's result cannot be a series");
            }
        }

        /**
         * The interval's value, when the query had no {@code group_by}.
         *
         * @return the value; may be null (see the class)
         * @throws IllegalStateException if the interval holds groups
         */
        public V value() {
            return result.value();
        }

        /**
         * The interval's groups, when the query had {@code group_by}.
         *
         * @return the groups; never null
         * @throws IllegalStateException if the interval holds a single value
         */
        public List<Group<V>> groups() {
            return result.groups();
        }
    }
}
