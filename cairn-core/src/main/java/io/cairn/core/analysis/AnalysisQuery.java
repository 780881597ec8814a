package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysis: one or several labelled metrics over a collection's events that match the filters and fall in the
 * timeframe, optionally grouped by properties and split into intervals. A single analysis has one metric labelled
 * {@link #RESULT}.
 *
 * @param timeframe null for all time; required with an interval
 * @param zone      the calendar of intervals (and of relative timeframes, already resolved)
 * @param limit     at most this many groups (after ordering); null for all
 */
public record AnalysisQuery(String collection, Map<String, Metric> metrics, List<Filter> filters, TimeRange timeframe,
        Optional<Interval> interval, ZoneId zone, DayOfWeek weekStart, List<String> groupBy, List<OrderBy> orderBy,
        Integer limit) {

    public static final String RESULT = "result";

    public AnalysisQuery {
        if (collection == null || collection.isBlank()) {
            throw InvalidRequestException.missing("event_collection");
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (metrics.isEmpty()) {
            throw InvalidRequestException.missing("analyses");
        }
        filters = List.copyOf(filters);
        requireNonNull(interval, "interval is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(weekStart, "weekStart is null");
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        if (interval.isPresent() && timeframe == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_TIMEFRAME, "an interval needs a timeframe",
                    Map.of("field", "timeframe"));
        }
        if (!orderBy.isEmpty() && groupBy.isEmpty()) {
            throw InvalidRequestException.field("order_by", "order_by needs group_by");
        }
        if (limit != null && (limit < 1 || orderBy.isEmpty())) {
            throw InvalidRequestException.field("limit", "limit must be a positive number and needs order_by");
        }
        for (OrderBy order : orderBy) {
            if (!groupBy.contains(order.property()) && !metrics.containsKey(order.property())) {
                throw InvalidRequestException.field("order_by", "order_by can only name a group_by property or "
                        + String.join(", ", metrics.keySet()) + ": " + order.property());
            }
        }
    }

    /** A single-metric analysis. */
    public static AnalysisQuery single(String collection, Metric metric, List<Filter> filters, TimeRange timeframe,
            Optional<Interval> interval, ZoneId zone, DayOfWeek weekStart, List<String> groupBy,
            List<OrderBy> orderBy, Integer limit) {
        return new AnalysisQuery(collection, Map.of(RESULT, metric), filters, timeframe, interval, zone, weekStart,
                groupBy, orderBy, limit);
    }
}
