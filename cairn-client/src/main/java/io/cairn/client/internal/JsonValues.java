package io.cairn.client.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns caller-supplied values (event properties, filter values) into a deep, immutable copy that Jackson writes as
 * the JSON Keen expects: maps with string keys, lists, strings, finite numbers, booleans and nulls, with date-times
 * as ISO-8601 UTC strings with milliseconds ({@code 2024-01-02T03:04:05.000Z}). Copying when a value is handed over
 * means later changes to the caller's map cannot change what is sent, and a value that cannot be sent is rejected
 * in the caller's thread rather than in a background one. Stateless and thread-safe.
 */
public final class JsonValues {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    // Guards against a map that contains itself, which would otherwise end in a StackOverflowError.
    private static final int MAX_DEPTH = 100;

    private JsonValues() {}

    /**
     * Copies an event: a JSON object whose values follow {@link #copy(Object, String)}.
     *
     * @param event the event; never null, keys never null
     * @return an unmodifiable copy that keeps the map's iteration order; never null
     * @throws IllegalArgumentException if a key is null or a value is of a type that cannot be sent; the message
     *     names the property's path
     * @throws NullPointerException if {@code event} is null
     */
    public static Map<String, Object> copyObject(Map<?, ?> event) {
        requireNonNull(event, "event is null");
        return copyMap(event, "", UnaryOperator.identity(), 0);
    }

    /**
     * Copies one value: a {@link Map} with string keys becomes an unmodifiable map in the same order, any other
     * {@link Collection} an unmodifiable list in iteration order, a {@link CharSequence} a string, an {@link
     * Instant}, {@link OffsetDateTime} or {@link ZonedDateTime} an ISO-8601 UTC string with milliseconds (finer
     * digits are dropped); finite numbers, booleans and null are kept.
     *
     * @param value the value; may be null
     * @param path where the value is, for error messages (e.g. {@code user.address}); never null
     * @return the copy; null when {@code value} is null
     * @throws IllegalArgumentException if the value or a part of it has another type, is a non-finite number, or
     *     nests deeper than 100 levels
     */
    public static Object copy(Object value, String path) {
        return copy(value, path, UnaryOperator.identity(), 0);
    }

    /**
     * Copies one value like {@link #copy(Object, String)}, first letting {@code adapter} replace each value met,
     * at every depth, by another the copy then follows: how a wire format writes its own value types (a filter
     * record as the JSON object it stands for) without this class knowing them.
     *
     * @param value the value; may be null
     * @param path where the value is, for error messages; never null
     * @param adapter returns its argument, or the value to copy instead (which is adapted again only in its
     *     parts); never null
     * @return the copy; null when the (adapted) value is null
     * @throws IllegalArgumentException as {@link #copy(Object, String)}
     */
    public static Object copy(Object value, String path, UnaryOperator<Object> adapter) {
        return copy(value, path, requireNonNull(adapter, "adapter is null"), 0);
    }

    /**
     * Turns a JSON tree read from an answer into plain Java values: objects become unmodifiable maps in their
     * order, arrays unmodifiable lists, whole numbers that fit a {@code long} {@link Long}, other numbers {@link
     * Double}, strings, booleans and nulls themselves (a missing node becomes null).
     *
     * @param node the tree; may be null
     * @return the value; null for a null or missing node
     */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), fromJson(field.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(fromJson(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * Formats an instant as Keen writes times: ISO-8601 in UTC with exactly three fractional digits.
     *
     * @param instant the instant; never null
     * @return e.g. {@code 2024-01-02T03:04:05.000Z}; never null
     * @throws NullPointerException if {@code instant} is null
     */
    public static String formatInstant(Instant instant) {
        return UTC_MILLIS.format(requireNonNull(instant, "instant is null"));
    }

    private static Object copy(Object original, String path, UnaryOperator<Object> adapter, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("property " + name(path) + " nests deeper than " + MAX_DEPTH
                    + " levels (does a map or list contain itself?)");
        }
        Object value = adapter.apply(original);
        return switch (value) {
            case null -> null;
            case String text -> text;
            case CharSequence text -> text.toString();
            case Boolean bool -> bool;
            case Double number when !Double.isFinite(number) -> throw nonFinite(path, number);
            case Float number when !Float.isFinite(number) -> throw nonFinite(path, number);
            case Number number -> number;
            case Instant instant -> formatInstant(instant);
            case OffsetDateTime time -> formatInstant(time.toInstant());
            case ZonedDateTime time -> formatInstant(time.toInstant());
            case Map<?, ?> map -> copyMap(map, path, adapter, depth);
            case Collection<?> list -> copyList(list, path, adapter, depth);
            default -> throw new IllegalArgumentException("property " + name(path) + " has a value of type "
                    + value.getClass().getName() + ", which cannot be sent as JSON; use a map, list, string, number,"
                    + " boolean, null, Instant, OffsetDateTime or ZonedDateTime");
        };
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path, UnaryOperator<Object> adapter,
            int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("property " + name(path) + " has a key that is not a string: "
                        + entry.getKey());
            }
            String child = path.isEmpty() ? key : path + "." + key;
            copy.put(key, copy(entry.getValue(), child, adapter, depth + 1));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(Collection<?> list, String path, UnaryOperator<Object> adapter,
            int depth) {
        List<Object> copy = new ArrayList<>(list.size());
        int index = 0;
        for (Object element : list) {
            copy.add(copy(element, path + "[" + index++ + "]", adapter, depth + 1));
        }
        return Collections.unmodifiableList(copy);
    }

    private static IllegalArgumentException nonFinite(String path, Number number) {
        return new IllegalArgumentException("property " + name(path) + " is " + number
                + ", which JSON cannot represent");
    }

    private static String name(String path) {
        return path.isEmpty() ? "(the event itself)" : "'" + path + "'";
    }
}
