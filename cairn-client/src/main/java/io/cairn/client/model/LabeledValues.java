package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a multi-analysis for one group or bucket, by label. Each value is typed as its metric's: {@link
 * Long} for {@code count} and {@code count_unique}, a {@code List} for {@code select_unique}, a {@link Double} (or
 * null where there was nothing to compute) for the others. Immutable and thread-safe.
 *
 * @param values the values by label, in the order of the analyses; never null, unmodifiable; values may be null
 */
public record LabeledValues(Map<String, Object> values) {

    /**
     * Creates a value map; the map is copied.
     *
     * @throws NullPointerException if {@code values} or a label is null
     */
    public LabeledValues {
        requireNonNull(values, "values is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((label, value) -> copy.put(requireNonNull(label, "label is null"), value));
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * One label's value.
     *
     * @param label the label; never null
     * @return the value, typed as the class describes; may be null
     * @throws IllegalArgumentException if there is no such label
     */
    public Object get(String label) {
        if (!values.containsKey(requireNonNull(label, "label is null"))) {
            throw new IllegalArgumentException("no label " + label + "; the labels are " + values.keySet());
        }
        return values.get(label);
    }

    /**
     * One label's value as a whole number, for {@code count} and {@code count_unique}.
     *
     * @param label the label; never null
     * @return the value
     * @throws IllegalArgumentException if there is no such label, or its value is not a number
     */
    public long getLong(String label) {
        if (!(get(label) instanceof Number number)) {
            throw new IllegalArgumentException("label " + label + " is not a number: " + get(label));
        }
        return number.longValue();
    }

    /**
     * One label's value as a number.
     *
     * @param label the label; never null
     * @return the value; null when the metric had nothing to compute (e.g. the average of no events)
     * @throws IllegalArgumentException if there is no such label, or its value is neither a number nor null
     */
    public Double getDouble(String label) {
        return switch (get(label)) {
            case null -> null;
            case Number number -> number.doubleValue();
            default -> throw new IllegalArgumentException("label " + label + " is not a number: " + get(label));
        };
    }

    /**
     * One label's value as a list, for {@code select_unique}.
     *
     * @param label the label; never null
     * @return the values; never null
     * @throws IllegalArgumentException if there is no such label, or its value is not a list
     */
    public List<Object> getList(String label) {
        if (!(get(label) instanceof List<?> list)) {
            throw new IllegalArgumentException("label " + label + " is not a list: " + get(label));
        }
        return Collections.unmodifiableList(list);
    }
}
