package io.cairn.core.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, null-tolerant immutable copies of JSON values held as Java objects ({@code String},
 * {@code Number}, {@code Boolean}, {@code List}, {@code Map} with string keys, null). {@code Map.copyOf} would
 * refuse the nulls a client may legitimately send and would only copy the top level.
 */
final class JsonValues {

    private JsonValues() {}

    /** @throws IllegalArgumentException when something inside is not a JSON value */
    static Map<String, Object> freeze(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (!(name instanceof String text)) {
                throw new IllegalArgumentException("JSON object keys are strings, got " + name);
            }
            copy.put(text, freezeValue(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Number number -> number;
            case Boolean bool -> bool;
            case Map<?, ?> object -> freeze(object);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(freezeValue(item)));
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        };
    }
}
