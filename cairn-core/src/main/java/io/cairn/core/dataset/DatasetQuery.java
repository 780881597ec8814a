package io.cairn.core.dataset;

import static java.util.Objects.requireNonNull;

import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.analysis.Metric;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.Timeframe;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cached dataset computes: an analysis of {@code collection} split by a one-unit {@code interval} over a
 * moving {@code window}, for every combination of the {@code indexBy} properties' values (and, within each, grouped
 * by {@code groupBy} when given).
 *
 * @param window the span kept, e.g. {@code this_90_days}; resolved against the clock at every refresh
 */
public record DatasetQuery(String collection, Map<String, Metric> metrics, List<Filter> filters, Timeframe window,
        Interval interval, ZoneId zone, DayOfWeek weekStart, List<String> groupBy, List<String> indexBy) {

    public DatasetQuery {
        if (collection == null || collection.isBlank()) {
            throw InvalidRequestException.missing("event_collection");
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (metrics.isEmpty()) {
            throw InvalidRequestException.missing("analyses");
        }
        filters = List.copyOf(filters);
        if (window == null) {
            throw InvalidRequestException.missing("timeframe");
        }
        if (interval == null) {
            throw InvalidRequestException.missing("interval");
        }
        if (interval.count() != 1) {
            throw InvalidRequestException.field("interval", "a dataset's interval must be minutely, hourly, daily,"
                    + " weekly, monthly or yearly");
        }
        requireNonNull(zone, "zone is null");
        requireNonNull(weekStart, "weekStart is null");
        groupBy = List.copyOf(groupBy);
        indexBy = List.copyOf(indexBy);
        if (indexBy.isEmpty()) {
            throw InvalidRequestException.missing("index_by");
        }
        List<String> all = new ArrayList<>(indexBy);
        all.addAll(groupBy);
        if (new HashSet<>(all).size() != all.size()) {
            throw InvalidRequestException.field("index_by", "index_by and group_by must name different properties");
        }
    }

    /** The analysis that computes every index value's buckets over {@code range} at once. */
    AnalysisQuery over(TimeRange range) {
        List<String> grouping = new ArrayList<>(indexBy);
        grouping.addAll(groupBy);
        return new AnalysisQuery(collection, metrics, filters, range, Optional.of(interval), zone, weekStart,
                grouping, List.of(), null);
    }

    /** The whole buckets that cover {@code range}: from the start of the first to the end of the last. */
    TimeRange wholeBuckets(TimeRange range) {
        TimeRange first = interval.bucketContaining(range.start(), zone, weekStart);
        TimeRange last = interval.bucketContaining(range.end().minusNanos(1), zone, weekStart);
        return TimeRange.of(first.start(), last.end());
    }
}
