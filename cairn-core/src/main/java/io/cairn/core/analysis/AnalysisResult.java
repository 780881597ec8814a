package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.TimeRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of an analysis. Values are Java numbers ({@code Long} for counts, {@code Double} otherwise), strings,
 * booleans, lists (select_unique) or null. Maps keep the query's metric and group_by order.
 */
public sealed interface AnalysisResult {

    /** Ungrouped: each metric's value by label. */
    record Values(Map<String, Object> metrics) implements AnalysisResult {
        public Values {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /** Grouped: one row per group, its group_by values and its metrics. */
    record Groups(List<Group> groups) implements AnalysisResult {
        public Groups {
            groups = List.copyOf(groups);
        }
    }

    record Group(Map<String, Object> keys, Map<String, Object> metrics) {
        public Group {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /** Split into intervals: every bucket of the timeframe, in order, empty ones included. */
    record Series(List<Bucket> buckets) implements AnalysisResult {
        public Series {
            buckets = List.copyOf(buckets);
        }
    }

    /** One interval and its answer ({@link Values} or {@link Groups}). */
    record Bucket(TimeRange timeframe, AnalysisResult value) {
        public Bucket {
            requireNonNull(timeframe, "timeframe is null");
            requireNonNull(value, "value is null");
        }
    }
}
