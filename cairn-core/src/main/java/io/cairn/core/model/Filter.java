package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on an event property: {@code property} (a dotted path such as {@code user.id} or {@code
 * keen.timestamp}) compared by {@code operator} with {@code value}. Values are JSON values as Java objects:
 * {@code String}, {@code Double}, {@code Boolean}, {@code List}, {@code Map} or null. The compact constructor checks
 * that the value suits the operator.
 */
public record Filter(String property, FilterOperator operator, Object value) {

    public Filter {
        requireNonNull(operator, "operator is null");
        if (property == null || property.isBlank()) {
            throw invalid("a filter needs a property_name");
        }
        value = normalize(value);
        switch (operator) {
            case EXISTS -> {
                if (!(value instanceof Boolean)) {
                    throw invalid("the exists operator takes true or false, not " + describe(value));
                }
            }
            case IN -> {
                if (!(value instanceof List<?>)) {
                    throw invalid("the in operator takes a list of values, not " + describe(value));
                }
            }
            case STARTS_WITH, REGEX -> {
                if (!(value instanceof String text)) {
                    throw invalid("the " + operator.id() + " operator takes a string, not " + describe(value));
                }
                if (operator == FilterOperator.REGEX) {
                    checkRegex(text);
                }
            }
            case WITHIN -> checkWithin(value);
            case LT, LTE, GT, GTE -> {
                if (!(value instanceof String) && !(value instanceof Double)) {
                    throw invalid("the " + operator.id() + " operator takes a number or a string, not "
                            + describe(value));
                }
            }
            case EQ, NE, CONTAINS, NOT_CONTAINS -> {
                if (value instanceof Map<?, ?>) {
                    throw invalid("the " + operator.id() + " operator cannot compare with an object");
                }
            }
        }
    }

    public static Filter of(String property, FilterOperator operator, Object value) {
        return new Filter(property, operator, value);
    }

    /** Numbers of every kind become doubles, the one number type events store. */
    private static Object normalize(Object value) {
        if (value instanceof Number number && !(value instanceof Double)) {
            return number.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Filter::normalize).toList();
        }
        return value;
    }

    private static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid("the regex filter's value is not a valid regular expression: " + e.getDescription());
        }
    }

    private static void checkWithin(Object value) {
        if (value instanceof Map<?, ?> map && map.get("coordinates") instanceof List<?> coordinates
                && coordinates.size() == 2 && coordinates.get(0) instanceof Number
                && coordinates.get(1) instanceof Number && map.get("max_distance_miles") instanceof Number) {
            return;
        }
        throw invalid("the within operator takes {\"coordinates\": [longitude, latitude], \"max_distance_miles\": n}");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof List<?> ? "a list" : value instanceof Map<?, ?>
                ? "an object" : value instanceof String ? "a string" : value instanceof Boolean ? "a boolean"
                : "a number";
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_FILTER, message, Map.of("field", "filters"));
    }
}
