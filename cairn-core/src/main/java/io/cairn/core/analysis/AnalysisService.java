package io.cairn.core.analysis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.event.EventService;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.SqlDialect;
import io.cairn.core.storage.StorageEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs analyses in one SQL statement each: every metric of a multi-analysis is one aggregate of the same scan, and
 * an interval is one more grouping column. Buckets with no events are filled in afterwards from the interval's
 * calendar ({@link Interval#buckets}), so the engine only ever returns non-empty groups. One-unit intervals group by
 * the dialect's calendar truncation; longer ones join events to the bucket starts as of their timestamp.
 * Thread-safe.
 */
public final class AnalysisService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StorageEngine storage;
    private final EventService events;
    private final SqlDialect dialect;
    private final NewestHints newestHints = new NewestHints();

    public AnalysisService(StorageEngine storage, EventService events) {
        this.storage = requireNonNull(storage, "storage is null");
        this.events = requireNonNull(events, "events is null");
        this.dialect = storage.dialect();
    }

    public AnalysisResult run(ProjectId projectId, AnalysisQuery query) {
        List<TimeRange> buckets = query.interval()
                .map(interval -> interval.buckets(query.timeframe(), query.zone(), query.weekStart(),
                        Interval.MAX_BUCKETS))
                .orElse(List.of());
        Optional<CollectionSchema> schema = events.findCollection(projectId, query.collection());
        List<Object[]> rows = schema.isEmpty() ? List.of() : query(projectId, schema.get(), query, buckets);
        return assemble(query, buckets, rows);
    }

    /**
     * Writes the matching events to {@code out}, oldest first, each as one JSON object as it was sent ({@code keen}
     * first, with {@code id} and {@code created_at}; see {@link EventJson}). Only the events: the caller writes what
     * surrounds them. They are written while the result is read, so a large extraction streams.
     */
    public void extract(ProjectId projectId, ExtractionQuery query, JsonGenerator out) {
        Optional<CollectionSchema> schema = events.findCollection(projectId, query.collection());
        if (schema.isPresent()) {
            new Extractions(schema.get(), dialect, query.propertyNames(), newestHints).run(projectId,
                    storage.project(projectId), query, out);
        }
    }

    /** Counts per funnel step, and the actors of the steps that ask for them. */
    public FunnelQuery.Result funnel(ProjectId projectId, FunnelQuery query) {
        Funnels funnels = new Funnels(dialect);
        List<Object> parameters = new ArrayList<>();
        String chain = funnels.chain(query, name -> events.findCollection(projectId, name), parameters);
        int steps = query.steps().size();
        return storage.project(projectId).read(session -> {
            List<Long> counts = new ArrayList<>();
            session.forEach(chain + funnels.counts(steps), parameters, row -> {
                for (int i = 1; i <= steps; i++) {
                    counts.add(row.longValue(i));
                }
            });
            List<List<Object>> actors = new ArrayList<>();
            for (int i = 1; i <= steps; i++) {
                if (!query.steps().get(i - 1).withActors()) {
                    actors.add(null);
                    continue;
                }
                List<Object> stepActors = new ArrayList<>();
                session.forEach(chain + "SELECT a FROM s" + i + " ORDER BY a", parameters,
                        row -> stepActors.add(row.string(1)));
                actors.add(stepActors);
            }
            return new FunnelQuery.Result(counts, actors);
        });
    }

    private List<Object[]> query(ProjectId projectId, CollectionSchema schema, AnalysisQuery query,
            List<TimeRange> buckets) {
        EventPredicates.Condition where = EventPredicates.compile(schema, query.filters(), query.timeframe(),
                dialect);
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        String from = dialect.quoteIdentifier(schema.table()) + " e";
        String with = "";
        if (query.interval().isPresent()) {
            Interval interval = query.interval().get();
            if (interval.count() == 1) {
                select.add(dialect.bucketStartMicros(interval.unit(), "e." + timestampColumn(), query.zone(),
                        query.weekStart(), new TimeRange(buckets.getFirst().start(), buckets.getLast().end())));
            } else {
                with = Buckets.startsTable(buckets, dialect);
                from = from + " ASOF JOIN bucket_starts b ON e." + timestampColumn() + " >= b.s";
                select.add(dialect.epochMicros("b.s"));
            }
            groupBy.add("1");
        }
        for (String property : query.groupBy()) {
            select.add(Properties.value(schema, property, dialect));
            groupBy.add(Integer.toString(select.size()));
        }
        for (Metric metric : query.metrics().values()) {
            select.add(MetricSql.aggregate(metric, schema, dialect));
        }
        StringBuilder sql = new StringBuilder(with).append("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(from).append(" WHERE ").append(where.sql());
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (query.interval().isEmpty() && !query.groupBy().isEmpty()) {
            sql.append(" ORDER BY ").append(order(query, select.size()));
            if (query.limit() != null) {
                sql.append(" LIMIT ").append(query.limit());
            }
        }
        int width = select.size();
        return storage.project(projectId).read(session -> session.query(sql.toString(), where.parameters(),
                row -> values(row, width)));
    }

    private String timestampColumn() {
        return dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
    }

    /** ORDER BY over select positions: the query's order, else the group keys. */
    private static String order(AnalysisQuery query, int width) {
        List<String> metricLabels = new ArrayList<>(query.metrics().keySet());
        int firstMetric = width - metricLabels.size() + 1;
        List<String> terms = new ArrayList<>();
        for (OrderBy order : query.orderBy()) {
            int position = query.groupBy().contains(order.property())
                    ? query.groupBy().indexOf(order.property()) + 1
                    : firstMetric + metricLabels.indexOf(order.property());
            terms.add(position + " " + order.direction().name() + " NULLS LAST");
        }
        for (int i = 1; i <= query.groupBy().size(); i++) {
            terms.add(i + " ASC NULLS LAST");
        }
        return String.join(", ", terms);
    }

    private static Object[] values(Row row, int width) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = row.object(i + 1);
        }
        return values;
    }

    private AnalysisResult assemble(AnalysisQuery query, List<TimeRange> buckets, List<Object[]> rows) {
        if (query.interval().isEmpty()) {
            return query.groupBy().isEmpty() ? values(query, rows.isEmpty() ? null : rows.getFirst(), 0)
                    : groups(query, rows, 0);
        }
        Map<Long, List<Object[]>> byBucket = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byBucket.computeIfAbsent(((Number) row[0]).longValue(), b -> new ArrayList<>()).add(row);
        }
        List<AnalysisResult.Bucket> series = new ArrayList<>();
        for (TimeRange bucket : buckets) {
            long start = EpochMicros.of(bucket.start());
            List<Object[]> bucketRows = byBucket.getOrDefault(start, List.of());
            AnalysisResult value = query.groupBy().isEmpty()
                    ? values(query, bucketRows.isEmpty() ? null : bucketRows.getFirst(), 1)
                    : groups(query, sortAndLimit(query, bucketRows), 1);
            series.add(new AnalysisResult.Bucket(bucket, value));
        }
        return new AnalysisResult.Series(series);
    }

    private static AnalysisResult.Values values(AnalysisQuery query, Object[] row, int offset) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        int i = offset + query.groupBy().size();
        for (Map.Entry<String, Metric> metric : query.metrics().entrySet()) {
            metrics.put(metric.getKey(), row == null ? metric.getValue().emptyValue()
                    : metricValue(metric.getValue(), row[i]));
            i++;
        }
        return new AnalysisResult.Values(metrics);
    }

    private static AnalysisResult.Groups groups(AnalysisQuery query, List<Object[]> rows, int offset) {
        List<AnalysisResult.Group> groups = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (int g = 0; g < query.groupBy().size(); g++) {
                keys.put(query.groupBy().get(g), row[offset + g]);
            }
            groups.add(new AnalysisResult.Group(keys, values(query, row, offset).metrics()));
        }
        return new AnalysisResult.Groups(groups);
    }

    /** Within one bucket: the query's order and limit (done here because they apply per bucket). */
    private static List<Object[]> sortAndLimit(AnalysisQuery query, List<Object[]> rows) {
        List<Object[]> sorted = new ArrayList<>(rows);
        List<String> labels = new ArrayList<>(query.metrics().keySet());
        Comparator<Object[]> comparator = (a, b) -> 0;
        for (OrderBy order : query.orderBy()) {
            int index = query.groupBy().contains(order.property())
                    ? 1 + query.groupBy().indexOf(order.property())
                    : 1 + query.groupBy().size() + labels.indexOf(order.property());
            // Missing values sort last in both directions, as the SQL of an analysis without interval has them.
            Comparator<Comparable> values = order.direction() == OrderBy.Direction.DESC
                    ? Comparator.reverseOrder() : Comparator.naturalOrder();
            comparator = comparator.thenComparing(row -> (Comparable) comparable(row[index]),
                    Comparator.nullsLast(values));
        }
        for (int g = 0; g < query.groupBy().size(); g++) {
            int index = 1 + g;
            comparator = comparator.thenComparing(row -> (Comparable) comparable(row[index]),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        }
        sorted.sort(comparator);
        return query.limit() == null ? sorted : sorted.subList(0, Math.min(query.limit(), sorted.size()));
    }

    @SuppressWarnings("rawtypes")
    private static Comparable comparable(Object value) {
        return value instanceof Number number ? (Comparable) number.doubleValue()
                : value == null ? null : (Comparable) value.toString();
    }

    private static Object metricValue(Metric metric, Object value) {
        if (metric instanceof Metric.SelectUnique && value instanceof String json) {
            try {
                return JSON.readValue(json, List.class);
            } catch (JsonProcessingException e) {
                throw new InternalException(ErrorCode.INTERNAL, "select_unique returned unreadable JSON", e);
            }
        }
        return value;
    }
}
