package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition on an event property, in Keen's form: a property path, an operator and a value, sent as {@code
 * {"property_name", "operator", "property_value"}}. The static factories cover Keen's operators; {@link
 * #Filter(String, String, Object)} takes any other the server may support. Immutable and thread-safe as long as
 * the value is not changed after the filter is made: the value is kept as given and converted to JSON (with
 * date-times as ISO-8601 UTC strings) only when a request is built, where an unsupported value type is rejected.
 *
 * @param propertyName the property's path, e.g. {@code user.age}; never null, not blank
 * @param operator Keen's operator name, e.g. {@code eq} or {@code not_contains}; never null, not blank
 * @param value the operand: a string, number, boolean, date-time, list or map, as the operator needs; may be null
 */
public record Filter(String propertyName, String operator, Object value) {

    /**
     * Creates a filter.
     *
     * @throws NullPointerException if {@code propertyName} or {@code operator} is null
     * @throws IllegalArgumentException if {@code propertyName} or {@code operator} is blank
     */
    public Filter {
        requireNonNull(propertyName, "propertyName is null");
        requireNonNull(operator, "operator is null");
        if (propertyName.isBlank() || operator.isBlank()) {
            throw new IllegalArgumentException("filter property name and operator must not be blank");
        }
    }

    /**
     * The property equals the value ({@code eq}).
     *
     * @param propertyName the property's path; never null
     * @param value the value; may be null
     * @return the filter; never null
     */
    public static Filter eq(String propertyName, Object value) {
        return new Filter(propertyName, "eq", value);
    }

    /**
     * The property differs from the value ({@code ne}).
     *
     * @param propertyName the property's path; never null
     * @param value the value; may be null
     * @return the filter; never null
     */
    public static Filter ne(String propertyName, Object value) {
        return new Filter(propertyName, "ne", value);
    }

    /**
     * The property is less than the value ({@code lt}).
     *
     * @param propertyName the property's path; never null
     * @param value a number, string or date-time; never null
     * @return the filter; never null
     */
    public static Filter lt(String propertyName, Object value) {
        return new Filter(propertyName, "lt", requireNonNull(value, "value is null"));
    }

    /**
     * The property is at most the value ({@code lte}).
     *
     * @param propertyName the property's path; never null
     * @param value a number, string or date-time; never null
     * @return the filter; never null
     */
    public static Filter lte(String propertyName, Object value) {
        return new Filter(propertyName, "lte", requireNonNull(value, "value is null"));
    }

    /**
     * The property is greater than the value ({@code gt}).
     *
     * @param propertyName the property's path; never null
     * @param value a number, string or date-time; never null
     * @return the filter; never null
     */
    public static Filter gt(String propertyName, Object value) {
        return new Filter(propertyName, "gt", requireNonNull(value, "value is null"));
    }

    /**
     * The property is at least the value ({@code gte}).
     *
     * @param propertyName the property's path; never null
     * @param value a number, string or date-time; never null
     * @return the filter; never null
     */
    public static Filter gte(String propertyName, Object value) {
        return new Filter(propertyName, "gte", requireNonNull(value, "value is null"));
    }

    /**
     * The event has the property ({@code exists} with {@code true}).
     *
     * @param propertyName the property's path; never null
     * @return the filter; never null
     */
    public static Filter exists(String propertyName) {
        return new Filter(propertyName, "exists", Boolean.TRUE);
    }

    /**
     * The event lacks the property ({@code exists} with {@code false}).
     *
     * @param propertyName the property's path; never null
     * @return the filter; never null
     */
    public static Filter notExists(String propertyName) {
        return new Filter(propertyName, "exists", Boolean.FALSE);
    }

    /**
     * The property equals one of the values ({@code in}).
     *
     * @param propertyName the property's path; never null
     * @param values the candidates; never null, copied, may hold nulls
     * @return the filter; never null
     */
    public static Filter in(String propertyName, List<?> values) {
        requireNonNull(values, "values is null");
        return new Filter(propertyName, "in", Collections.unmodifiableList(new ArrayList<>(values)));
    }

    /**
     * The property, a string, contains the value ({@code contains}).
     *
     * @param propertyName the property's path; never null
     * @param value the substring; never null
     * @return the filter; never null
     */
    public static Filter contains(String propertyName, String value) {
        return new Filter(propertyName, "contains", requireNonNull(value, "value is null"));
    }

    /**
     * The property, a string, does not contain the value ({@code not_contains}).
     *
     * @param propertyName the property's path; never null
     * @param value the substring; never null
     * @return the filter; never null
     */
    public static Filter notContains(String propertyName, String value) {
        return new Filter(propertyName, "not_contains", requireNonNull(value, "value is null"));
    }

    /**
     * The property, a string, starts with the value ({@code starts_with}).
     *
     * @param propertyName the property's path; never null
     * @param prefix the prefix; never null
     * @return the filter; never null
     */
    public static Filter startsWith(String propertyName, String prefix) {
        return new Filter(propertyName, "starts_with", requireNonNull(prefix, "prefix is null"));
    }

    /**
     * The property, a string, matches the regular expression ({@code regex}).
     *
     * @param propertyName the property's path; never null
     * @param pattern the expression, in the server's syntax; never null
     * @return the filter; never null
     */
    public static Filter regex(String propertyName, String pattern) {
        return new Filter(propertyName, "regex", requireNonNull(pattern, "pattern is null"));
    }

    /**
     * The property, a {@code [longitude, latitude]} pair, lies within a distance of a point ({@code within}).
     *
     * @param propertyName the property's path; never null
     * @param longitude the point's longitude in degrees, -180 to 180
     * @param latitude the point's latitude in degrees, -90 to 90
     * @param maxDistanceMiles the radius in miles; positive
     * @return the filter; never null
     * @throws IllegalArgumentException if a coordinate is out of range or the radius is not positive
     */
    public static Filter within(String propertyName, double longitude, double latitude, double maxDistanceMiles) {
        if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("within needs longitude in [-180, 180] and latitude in [-90, 90], got "
                    + longitude + ", " + latitude);
        }
        if (!(maxDistanceMiles > 0) || Double.isInfinite(maxDistanceMiles)) {
            throw new IllegalArgumentException("within needs a positive finite distance, got " + maxDistanceMiles);
        }
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("coordinates", List.of(longitude, latitude));
        area.put("max_distance_miles", maxDistanceMiles);
        return new Filter(propertyName, "within", Collections.unmodifiableMap(area));
    }
}
