package io.cairn.core.analysis;

import io.cairn.core.model.Filter;
import io.cairn.core.model.TimeRange;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A deliberately simple, independent evaluator of Keen analyses over events held in memory (flat maps of path to
 * String, Double, Boolean, Instant or List), used to check the engine's answers. It shares nothing with the SQL
 * compilation: each rule of docs/keen.md is written out the plain way.
 *
 * <p>Paths seen with more than one type in a collection are <em>conflicted</em>: arithmetic reads only their
 * numbers, and grouping, distinct counts and distinct values read their values as text ({@link #text}).
 */
final class Oracle {

    /** Date-times leave Cairn as UTC with milliseconds and {@code Z}. */
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final double EARTH_RADIUS_MILES = 3958.8;

    private Oracle() {}

    static boolean matches(Map<String, Object> event, Instant timestamp, List<Filter> filters, TimeRange timeframe) {
        if (timeframe != null && !timeframe.contains(timestamp)) {
            return false;
        }
        for (Filter filter : filters) {
            if (!matches(event.get(filter.property()), filter)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Object actual, Filter filter) {
        Object wanted = filter.value();
        return switch (filter.operator()) {
            case EQ -> wanted == null ? actual == null : equal(actual, wanted);
            case NE -> wanted == null ? actual != null : !equal(actual, wanted);
            case LT -> compare(actual, wanted) != null && compare(actual, wanted) < 0;
            case LTE -> compare(actual, wanted) != null && compare(actual, wanted) <= 0;
            case GT -> compare(actual, wanted) != null && compare(actual, wanted) > 0;
            case GTE -> compare(actual, wanted) != null && compare(actual, wanted) >= 0;
            case EXISTS -> (actual != null) == (Boolean) wanted;
            case IN -> ((List<?>) wanted).stream().anyMatch(w -> w == null ? actual == null : equal(actual, w));
            case CONTAINS -> contains(actual, wanted);
            case NOT_CONTAINS -> !contains(actual, wanted);
            case STARTS_WITH -> actual instanceof String s && s.startsWith((String) wanted);
            case REGEX -> actual instanceof String s && Pattern.compile((String) wanted).matcher(s).find();
            case WITHIN -> within(actual, (Map<?, ?>) wanted);
        };
    }

    private static boolean equal(Object actual, Object wanted) {
        Integer comparison = compare(actual, wanted);
        return comparison != null && comparison == 0;
    }

    /** Values of one type compare; a date-time compares with a string that reads as one; nothing else does. */
    private static Integer compare(Object actual, Object wanted) {
        if (actual instanceof Double a && wanted instanceof Double w) {
            return a.compareTo(w);
        }
        if (actual instanceof String a && wanted instanceof String w) {
            return a.compareTo(w);
        }
        if (actual instanceof Boolean a && wanted instanceof Boolean w) {
            return a.compareTo(w);
        }
        if (actual instanceof Instant a && wanted instanceof String w && dateTime(w) != null) {
            return a.compareTo(dateTime(w));
        }
        return null;
    }

    private static boolean contains(Object actual, Object wanted) {
        if (actual instanceof String s && wanted instanceof String w) {
            return s.contains(w);
        }
        return actual instanceof List<?> list && list.contains(wanted);
    }

    /** A [longitude, latitude] point within the miles of the centre, on a sphere (haversine). */
    private static boolean within(Object actual, Map<?, ?> area) {
        if (!(actual instanceof List<?> point) || point.size() != 2 || !(point.get(0) instanceof Double lon)
                || !(point.get(1) instanceof Double lat)) {
            return false;
        }
        List<?> centre = (List<?>) area.get("coordinates");
        double lon0 = Math.toRadians(((Number) centre.get(0)).doubleValue());
        double lat0 = Math.toRadians(((Number) centre.get(1)).doubleValue());
        double dLat = Math.toRadians(lat) - lat0;
        double dLon = Math.toRadians(lon) - lon0;
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(lat0) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        double miles = 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
        return miles <= ((Number) area.get("max_distance_miles")).doubleValue();
    }

    /** A full ISO-8601 date and time (a date alone is not one); without an offset it is UTC. Else null. */
    static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /** The paths of {@code events} seen with more than one type. */
    static Set<String> conflicted(List<Map<String, Object>> events) {
        Map<String, Set<Class<?>>> types = new HashMap<>();
        for (Map<String, Object> event : events) {
            event.forEach((path, value) -> {
                Class<?> type = value instanceof List<?> ? List.class : value.getClass();
                types.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(type);
            });
        }
        Set<String> conflicted = new TreeSet<>();
        types.forEach((path, seen) -> {
            if (seen.size() > 1) {
                conflicted.add(path);
            }
        });
        return conflicted;
    }

    /** A path's value as groups and distinct values show it: text when conflicted, date-times as wire text. */
    static Object value(Map<String, Object> event, String path, Set<String> conflicted) {
        Object value = event.get(path);
        if (value == null) {
            return null;
        }
        if (conflicted.contains(path) || value instanceof Instant) {
            return text(value);
        }
        return value;
    }

    static Object metric(Metric metric, List<Map<String, Object>> events, Set<String> conflicted) {
        if (metric instanceof Metric.Count) {
            return (long) events.size();
        }
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if (event.get(metric.target()) != null) {
                values.add(value(event, metric.target(), conflicted));
            }
        }
        List<Double> numbers = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if (event.get(metric.target()) instanceof Double number) {
                numbers.add(number);
            }
        }
        numbers.sort(Comparator.naturalOrder());
        return switch (metric) {
            case Metric.Count count -> (long) events.size();
            case Metric.CountUnique unique -> (long) new TreeSet<>(values.stream().map(Oracle::text).toList()).size();
            case Metric.Sum sum -> numbers.stream().mapToDouble(Double::doubleValue).sum();
            case Metric.Minimum min -> numbers.isEmpty() ? null : numbers.getFirst();
            case Metric.Maximum max -> numbers.isEmpty() ? null : numbers.getLast();
            case Metric.Average avg -> numbers.isEmpty() ? null
                    : numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case Metric.Median median -> quantile(numbers, 0.5);
            case Metric.Percentile p -> quantile(numbers, p.percentile() / 100);
            case Metric.StandardDeviation sd -> {
                if (numbers.isEmpty()) {
                    yield null;
                }
                double mean = numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                yield Math.sqrt(numbers.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / numbers.size());
            }
            case Metric.SelectUnique select -> {
                TreeSet<Object> distinct = new TreeSet<>(Oracle::compareValues);
                distinct.addAll(values);
                yield new ArrayList<>(distinct);
            }
        };
    }

    /** Continuous quantile: linear interpolation between the closest ranks. */
    private static Double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }

    /** Groups in key order (numbers by value, booleans false first, the rest as text), missing keys last. */
    static Map<List<Object>, List<Map<String, Object>>> group(List<Map<String, Object>> events, List<String> by,
            Set<String> conflicted) {
        Comparator<List<Object>> order = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<Object>, List<Map<String, Object>>> groups = new TreeMap<>(order);
        for (Map<String, Object> event : events) {
            List<Object> key = new ArrayList<>();
            by.forEach(property -> key.add(value(event, property, conflicted)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        return groups;
    }

    /** Ascending, nulls last: numbers by value, booleans false first, anything else by its text. */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return text(a).compareTo(text(b));
    }

    /** A value as text: whole numbers without a fraction, date-times as wire text, lists as JSON. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case Instant t -> WIRE_TIME.format(t);
            case List<?> list -> list.stream().map(v -> v instanceof String s ? "\"" + s + "\"" : text(v)).toList()
                    .toString().replace(", ", ",");
            default -> value.toString();
        };
    }

    static Map<String, Object> keys(List<String> by, List<Object> values) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
            keys.put(by.get(i), values.get(i));
        }
        return keys;
    }

    /**
     * A funnel's survivors per step, from each step's own actors: a step keeps the actors passed on to it who did
     * it (who did not, when inverted); an optional step passes on what it was given instead of its survivors.
     */
    static List<Set<String>> funnel(List<Set<String>> actors, List<Boolean> optional, List<Boolean> inverted) {
        List<Set<String>> survivors = new ArrayList<>();
        Set<String> passed = null;
        for (int i = 0; i < actors.size(); i++) {
            Set<String> kept = new TreeSet<>(passed == null ? actors.get(i) : passed);
            if (passed != null && inverted.get(i)) {
                kept.removeAll(actors.get(i));
            } else if (passed != null) {
                kept.retainAll(actors.get(i));
            }
            survivors.add(kept);
            passed = passed != null && optional.get(i) ? passed : kept;
        }
        return survivors;
    }
}
