package io.cairn.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.model.AnalysisResult;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.Filter;
import io.cairn.client.model.LabeledValues;
import io.cairn.client.model.Metric;
import io.cairn.client.model.OrderBy;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.Timeframe;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A metric analysis ({@code count}, {@code sum}, {@code percentile}...) or a multi-analysis, made by {@link
 * EventsClient}'s factories and refined with the methods below, then {@link #run() run}:
 *
 * <pre>{@code
 * AnalysisResult<Double> revenue = cairn.events().sum("purchases", "item.price")
 *         .timeframe(Timeframe.relative("this_30_days")).timezone(ZoneId.of("Europe/Paris"))
 *         .filter(Filter.eq("country", "FR"))
 *         .groupBy("item.category").orderBy(OrderBy.desc(OrderBy.RESULT)).limit(10)
 *         .run();
 * revenue.groups().forEach(group -> System.out.println(group.key("item.category") + " " + group.value()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: every method but {@link #run()} and {@link #definition()} returns a changed copy,
 * so a query may be kept, shared and run many times. A setter checks its own argument; {@link #definition()} (and
 * so {@link #run()}) checks what Keen's own clients check of the parts together: {@code order_by} needs {@code
 * group_by} and names {@code result} (in a multi-analysis, a label) or a {@code group_by} property; {@code limit}
 * needs {@code order_by}; an interval needs a timeframe; a {@code within} filter cannot be combined with {@code
 * group_by}. (Keen's hosted API also requires a timeframe on every analysis; Cairn defaults to all time.)
 *
 * @param <V> the type of each value of the result: see {@link AnalysisResult}
 */
public final class MetricQuery<V> implements Query {

    private final KeenProject project;
    private final Parts parts;
    private final Function<JsonNode, V> values;

    private MetricQuery(KeenProject project, Parts parts, Function<JsonNode, V> values) {
        this.project = project;
        this.parts = parts;
        this.values = values;
    }

    /** A single metric over a collection. */
    static <V> MetricQuery<V> of(KeenProject project, String collection, Metric metric,
            Function<JsonNode, V> values) {
        requireNonNull(metric, "metric is null");
        Parts parts = new Parts(metric.type(), KeenQueries.requiredText(collection, "collection"));
        parts.metric = metric;
        return new MetricQuery<>(project, parts, values);
    }

    /** A multi-analysis: several metrics over a collection, by label. */
    static MetricQuery<LabeledValues> multi(KeenProject project, String collection,
            Map<String, Metric> analyses) {
        requireNonNull(analyses, "analyses is null");
        if (analyses.isEmpty()) {
            throw new IllegalArgumentException("a multi-analysis needs at least one analysis");
        }
        Map<String, Metric> copy = new LinkedHashMap<>();
        Map<String, AnalysisType> labels = new LinkedHashMap<>();
        analyses.forEach((label, metric) -> {
            requireNonNull(label, "a label is null");
            if (label.isBlank()) {
                throw new IllegalArgumentException("a multi-analysis label must not be blank");
            }
            copy.put(label, requireNonNull(metric, "the metric of " + label + " is null"));
            labels.put(label, metric.type());
        });
        Parts parts = new Parts(AnalysisType.MULTI_ANALYSIS, KeenQueries.requiredText(collection, "collection"));
        parts.analyses = Collections.unmodifiableMap(copy);
        return new MetricQuery<>(project, parts, node -> KeenResults.labeled(node, labels));
    }

    /**
     * This query over a timeframe.
     *
     * @param timeframe the events' time span; null for all time (Cairn; Keen's hosted API requires one)
     * @return the copy; never null
     */
    public MetricQuery<V> timeframe(Timeframe timeframe) {
        return with(parts -> parts.timeframe = timeframe);
    }

    /**
     * This query with more filters, AND-ed with those it has.
     *
     * @param filters conditions the counted events meet; never null, nor any of them
     * @return the copy; never null
     * @throws NullPointerException if {@code filters} or a filter is null
     */
    public MetricQuery<V> filter(Filter... filters) {
        List<Filter> all = KeenQueries.plus(parts.filters, filters);
        return with(parts -> parts.filters = all);
    }

    /**
     * This query grouped by properties: its result becomes {@link AnalysisResult.Groups} (or, with an interval,
     * groups per interval). Replaces any earlier grouping.
     *
     * @param properties the property paths, in order; none to remove the grouping; never null, none blank, no
     *     repeats
     * @return the copy; never null
     * @throws IllegalArgumentException if a property is blank or repeated
     * @throws NullPointerException if {@code properties} or a property is null
     */
    public MetricQuery<V> groupBy(String... properties) {
        Set<String> unique = new LinkedHashSet<>();
        for (String property : requireNonNull(properties, "properties is null")) {
            requireNonNull(property, "a group_by property is null");
            if (property.isBlank() || !unique.add(property)) {
                throw new IllegalArgumentException("group_by properties must be non-blank and distinct, got "
                        + List.of(properties));
            }
        }
        List<String> groupBy = List.copyOf(unique);
        return with(parts -> parts.groupBy = groupBy);
    }

    /**
     * This query split into intervals: its result becomes an {@link AnalysisResult.Series}. Needs a timeframe.
     *
     * @param interval {@code minutely}, {@code hourly}, {@code daily}, {@code weekly}, {@code monthly}, {@code
     *     yearly} or {@code every_N_units} (e.g. {@code every_6_hours}); not checked further (the server does);
     *     null to remove the interval
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code interval} is blank
     */
    public MetricQuery<V> interval(String interval) {
        String checked = KeenQueries.optionalText(interval, "interval");
        return with(parts -> parts.interval = checked);
    }

    /**
     * This query with relative timeframes and intervals evaluated in a zone.
     *
     * @param timezone an IANA name such as {@code Europe/Paris}, or an offset in seconds such as {@code -18000};
     *     null for the server's default (UTC)
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code timezone} is blank
     */
    public MetricQuery<V> timezone(String timezone) {
        String checked = KeenQueries.optionalText(timezone, "timezone");
        return with(parts -> parts.timezone = checked);
    }

    /**
     * This query with relative timeframes and intervals evaluated in a zone: a region is sent by its IANA name, a
     * fixed offset as seconds.
     *
     * @param timezone the zone; never null
     * @return the copy; never null
     * @throws NullPointerException if {@code timezone} is null
     */
    public MetricQuery<V> timezone(ZoneId timezone) {
        return timezone(KeenQueries.timezone(timezone));
    }

    /**
     * This query's groups sorted. Replaces any earlier ordering. Needs {@link #groupBy(String...)}.
     *
     * @param orderBy the sort keys, most significant first; none to remove the ordering; never null, nor any of them
     * @return the copy; never null
     * @throws NullPointerException if {@code orderBy} or an element is null
     */
    public MetricQuery<V> orderBy(OrderBy... orderBy) {
        List<OrderBy> order = List.of(orderBy);
        return with(parts -> parts.orderBy = order);
    }

    /**
     * This query keeping only the first groups after sorting. Needs {@link #orderBy(OrderBy...)}.
     *
     * @param limit how many groups to keep; at least 1
     * @return the copy; never null
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public MetricQuery<V> limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return with(parts -> parts.limit = limit);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the parts do not go together, as the class describes
     */
    @Override
    public QueryDefinition definition() {
        check();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_collection", parts.collection);
        if (parts.metric != null) {
            putMetric(json, parts.metric);
        } else {
            Map<String, Object> analyses = new LinkedHashMap<>();
            parts.analyses.forEach((label, metric) -> {
                Map<String, Object> analysis = new LinkedHashMap<>();
                analysis.put("analysis_type", metric.type().wireName());
                putMetric(analysis, metric);
                analyses.put(label, analysis);
            });
            json.put("analyses", KeenWire.json(analyses, "analyses"));
        }
        KeenQueries.putScope(json, parts.filters, parts.timeframe, parts.timezone);
        if (parts.interval != null) {
            json.put("interval", parts.interval);
        }
        if (!parts.groupBy.isEmpty()) {
            json.put("group_by", parts.groupBy.size() == 1 ? parts.groupBy.getFirst() : parts.groupBy);
        }
        if (!parts.orderBy.isEmpty()) {
            json.put("order_by", KeenWire.json(parts.orderBy, "order_by"));
        }
        if (parts.limit != null) {
            json.put("limit", parts.limit);
        }
        return new QueryDefinition(parts.type, json);
    }

    /**
     * Runs the analysis ({@code POST /queries/{analysis}} with the {@link #definition()} as JSON). Needs a read or
     * master key (or an access or scoped key permitted to query, whose filters and timeframe the server adds). Not
     * retried: a POST.
     *
     * @return the result, shaped as {@link AnalysisResult} describes; never null
     * @throws IllegalArgumentException if the parts do not go together, as the class describes
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     * @throws CairnApiException if the server refuses the query (e.g. {@link
     *     io.cairn.client.error.BadRequestException} for an unknown timeframe, {@link
     *     io.cairn.client.error.UnauthorizedException} for a key that may not query)
     * @throws CairnConnectionException if the server cannot be reached
     * @throws CairnClientException if the answer cannot be read
     */
    public AnalysisResult<V> run() {
        QueryDefinition query = definition();
        Map<String, AnalysisType> labels = new LinkedHashMap<>();
        parts.analyses.forEach((label, metric) -> labels.put(label, metric.type()));
        KeenResults.Shape shape = new KeenResults.Shape(parts.groupBy, parts.interval != null, labels);
        return KeenQueries.run(project, query, body -> KeenResults.analysis(body.get("result"), shape, values));
    }

    private static void putMetric(Map<String, Object> json, Metric metric) {
        if (metric.targetProperty() != null) {
            json.put("target_property", metric.targetProperty());
        }
        if (metric.percentile() != null) {
            json.put("percentile", metric.percentile());
        }
    }

    private void check() {
        if (!parts.orderBy.isEmpty() && parts.groupBy.isEmpty()) {
            throw new IllegalArgumentException("order_by needs group_by");
        }
        Set<String> sortable = new LinkedHashSet<>(parts.groupBy);
        if (parts.metric != null) {
            sortable.add(OrderBy.RESULT);
        } else {
            sortable.addAll(parts.analyses.keySet());
        }
        for (OrderBy order : parts.orderBy) {
            if (!sortable.contains(order.propertyName())) {
                throw new IllegalArgumentException("order_by can name only " + sortable + ", got "
                        + order.propertyName());
            }
        }
        if (parts.limit != null && parts.orderBy.isEmpty()) {
            throw new IllegalArgumentException("limit needs order_by");
        }
        if (parts.interval != null && parts.timeframe == null) {
            throw new IllegalArgumentException("an interval needs a timeframe");
        }
        if (!parts.groupBy.isEmpty() && parts.filters.stream().anyMatch(filter -> filter.operator().equals("within"))) {
            throw new IllegalArgumentException("a within (geo) filter cannot be combined with group_by");
        }
    }

    private MetricQuery<V> with(Consumer<Parts> change) {
        Parts copy = parts.copy();
        change.accept(copy);
        return new MetricQuery<>(project, copy, values);
    }

    /** The query's parts: changed only on a fresh copy, before the query holding it is made; never after. */
    private static final class Parts {
        private final AnalysisType type;
        private final String collection;
        private Metric metric;
        private Map<String, Metric> analyses = Map.of();
        private List<Filter> filters = List.of();
        private Timeframe timeframe;
        private String timezone;
        private String interval;
        private List<String> groupBy = List.of();
        private List<OrderBy> orderBy = List.of();
        private Integer limit;

        Parts(AnalysisType type, String collection) {
            this.type = type;
            this.collection = collection;
        }

        Parts copy() {
            Parts copy = new Parts(type, collection);
            copy.metric = metric;
            copy.analyses = analyses;
            copy.filters = filters;
            copy.timeframe = timeframe;
            copy.timezone = timezone;
            copy.interval = interval;
            copy.groupBy = groupBy;
            copy.orderBy = orderBy;
            copy.limit = limit;
            return copy;
        }
    }
}
