package io.cairn.core.analysis;

import io.cairn.core.model.Filter;
import io.cairn.core.model.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A deliberately simple, independent evaluator of Keen analyses over events held in memory (flat maps of path to
 * String, Double, Boolean, Instant or List), used to check the engine's answers. It shares nothing with the SQL
 * compilation: each rule is written out the plain way.
 */
final class Oracle {

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
            case WITHIN -> throw new UnsupportedOperationException("not generated");
        };
    }

    private static boolean equal(Object actual, Object wanted) {
        Integer comparison = compare(actual, wanted);
        return comparison != null && comparison == 0;
    }

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
        if (actual instanceof Instant a && wanted instanceof String w) {
            return a.compareTo(Instant.parse(w));
        }
        return null;
    }

    private static boolean contains(Object actual, Object wanted) {
        if (actual instanceof String s && wanted instanceof String w) {
            return s.contains(w);
        }
        return actual instanceof List<?> list && list.contains(wanted);
    }

    static Object metric(Metric metric, List<Map<String, Object>> events) {
        if (metric instanceof Metric.Count) {
            return (long) events.size();
        }
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if (event.get(metric.target()) != null) {
                values.add(event.get(metric.target()));
            }
        }
        List<Double> numbers = values.stream().filter(v -> v instanceof Double).map(v -> (Double) v)
                .sorted().toList();
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
            case Metric.SelectUnique select -> new ArrayList<>(new TreeSet<>(values.stream().map(Oracle::text)
                    .toList()));
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

    /** Groups in key order, missing keys last. */
    static Map<List<Object>, List<Map<String, Object>>> group(List<Map<String, Object>> events, List<String> by) {
        Comparator<List<Object>> order = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(text(a.get(i)), text(b.get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<Object>, List<Map<String, Object>>> groups = new TreeMap<>(order);
        for (Map<String, Object> event : events) {
            List<Object> key = new ArrayList<>();
            by.forEach(property -> key.add(event.get(property)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        return groups;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.format("%020.3f", d);
        }
        return Objects.toString(value);
    }

    static Map<String, Object> keys(List<String> by, List<Object> values) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
            keys.put(by.get(i), values.get(i));
        }
        return keys;
    }

}
