package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.analysis.AnalysisService;
import io.cairn.core.analysis.ExtractionQuery;
import io.cairn.core.analysis.FunnelQuery;
import io.cairn.core.analysis.Metric;
import io.cairn.core.analysis.OrderBy;
import io.cairn.core.dataset.DatasetLanguage;
import io.cairn.core.dataset.DatasetQuery;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.TimeZones;
import io.cairn.core.model.Timeframe;
import io.cairn.core.project.Scope;
import io.cairn.core.query.QueryLanguage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keen's analysis requests turned into core queries, run, and rendered: shared by ad-hoc queries, saved queries (for
 * which it is the {@code keen} {@link QueryLanguage}) and cached datasets (the {@code keen} {@link DatasetLanguage}).
 * A key's scope adds its forced filters and narrows the timeframe of every query made with it.
 */
final class KeenAnalyses implements QueryLanguage, DatasetLanguage {

    static final String LANGUAGE = "keen";

    private final AnalysisService analyses;

    KeenAnalyses(AnalysisService analyses) {
        this.analyses = analyses;
    }

    /** A request checked and turned into a core query, ready to run. */
    sealed interface Prepared {}

    private record Analysis(AnalysisQuery query, boolean multi, ZoneId zone) implements Prepared {}

    private record Funnel(FunnelQuery query, JsonNode steps) implements Prepared {}

    /** Checks an analysis request (anything but an extraction) and builds its core query. */
    Prepared prepare(String analysis, KeenQueryParams params, Scope scope, Instant now) {
        return switch (analysis) {
            case "funnel" -> funnel(params, scope, now);
            case "multi_analysis" -> analysis(params, analyses(params), true, scope, now);
            case "extraction" -> throw new IllegalArgumentException("extractions stream; see extraction()");
            default -> analysis(params, Map.of(AnalysisQuery.RESULT, metric(analysis, params)), false, scope, now);
        };
    }

    /** Runs a prepared request: Keen's answer body, {@code {"result": ...}} (funnels add steps and actors). */
    ObjectNode answer(ProjectId project, Prepared prepared) {
        return switch (prepared) {
            case Analysis a -> KeenAnalysisWire.result(analyses.run(project, a.query()), a.multi(), a.zone());
            case Funnel f -> KeenAnalysisWire.funnel(analyses.funnel(project, f.query()), f.steps());
        };
    }

    ExtractionQuery extraction(KeenQueryParams params, Scope scope, Instant now) {
        if (params.text("email") != null) {
            throw InvalidRequestException.field("email", "Cairn does not email extractions; omit email to receive"
                    + " the events in the answer");
        }
        Scoped scoped = scoped(scope, params, TimeZones.parse(params.text("timezone")), now);
        return new ExtractionQuery(params.text("event_collection"), scoped.filters, scoped.timeframe,
                params.integer("latest"), params.strings("property_names"));
    }

    @Override
    public String id() {
        return LANGUAGE;
    }

    /** A saved query's definition: Keen's analysis parameters with {@code analysis_type}; extractions are refused. */
    @Override
    public void check(JsonNode definition) {
        savedAnalysis(definition, Instant.EPOCH);
    }

    /** A saved query's result: the {@code result} value, or for a funnel the whole funnel answer (as Keen does). */
    @Override
    public JsonNode run(ProjectId project, JsonNode definition, Instant now) {
        Prepared prepared = savedAnalysis(definition, now);
        ObjectNode answer = answer(project, prepared);
        return prepared instanceof Funnel ? answer : answer.get("result");
    }

    /**
     * A dataset's query: an analysis (not an extraction or a funnel) with an interval and a relative timeframe, the
     * window the dataset keeps; no order_by or limit.
     */
    @Override
    public DatasetQuery compile(JsonNode definition, List<String> indexBy) {
        KeenQueryParams params = KeenQueryParams.of(definition);
        String type = params.text("analysis_type");
        if (type == null) {
            throw InvalidRequestException.missing("query.analysis_type");
        }
        if (type.equals("extraction") || type.equals("funnel")) {
            throw InvalidRequestException.field("query.analysis_type", "a dataset cannot be an " + type
                    + "; use an analysis such as count or sum");
        }
        if (params.get("order_by") != null || params.get("limit") != null) {
            throw InvalidRequestException.field("query.order_by", "a dataset keeps every group; drop order_by"
                    + " and limit");
        }
        JsonNode timeframe = params.get("timeframe");
        if (timeframe == null || !timeframe.isTextual()
                || !(Timeframe.parse(timeframe.asText()) instanceof Timeframe.Relative window)) {
            throw new InvalidRequestException(ErrorCode.INVALID_TIMEFRAME, "a dataset needs a relative timeframe,"
                    + " the span it keeps, e.g. this_90_days", Map.of("field", "query.timeframe"));
        }
        String interval = params.text("interval");
        if (interval == null) {
            throw InvalidRequestException.missing("query.interval");
        }
        Map<String, Metric> metrics = type.equals("multi_analysis") ? analyses(params)
                : Map.of(AnalysisQuery.RESULT, metric(type, params));
        return new DatasetQuery(params.text("event_collection"), metrics, KeenWire.filters(params.get("filters")),
                window, Interval.parse(interval), TimeZones.parse(params.text("timezone")), Timeframe.KEEN_WEEK_START,
                params.strings("group_by"), indexBy);
    }

    private Prepared savedAnalysis(JsonNode definition, Instant now) {
        KeenQueryParams params = KeenQueryParams.of(definition);
        String type = params.text("analysis_type");
        if (type == null) {
            throw InvalidRequestException.missing("query.analysis_type");
        }
        if (type.equals("extraction")) {
            throw InvalidRequestException.field("query.analysis_type", "an extraction cannot be saved; save an"
                    + " analysis such as count, or run the extraction directly");
        }
        return prepare(type, params, Scope.PROJECT, now);
    }

    private Prepared analysis(KeenQueryParams params, Map<String, Metric> metrics, boolean multi, Scope scope,
            Instant now) {
        ZoneId zone = TimeZones.parse(params.text("timezone"));
        Scoped scoped = scoped(scope, params, zone, now);
        Optional<Interval> interval = Optional.ofNullable(params.text("interval")).map(Interval::parse);
        AnalysisQuery query = new AnalysisQuery(params.text("event_collection"), metrics, scoped.filters,
                scoped.timeframe, interval, zone, Timeframe.KEEN_WEEK_START, params.strings("group_by"),
                orderBy(params.get("order_by")), params.integer("limit"));
        return new Analysis(query, multi, zone);
    }

    private Prepared funnel(KeenQueryParams params, Scope scope, Instant now) {
        JsonNode stepsNode = params.get("steps");
        if (stepsNode == null || !stepsNode.isArray()) {
            throw InvalidRequestException.missing("steps");
        }
        List<FunnelQuery.Step> steps = new ArrayList<>();
        for (JsonNode node : stepsNode) {
            KeenQueryParams step = KeenQueryParams.of(node);
            ZoneId zone = TimeZones.parse(Optional.ofNullable(step.text("timezone")).orElse(params.text("timezone")));
            JsonNode timeframe = Optional.ofNullable(step.get("timeframe")).orElse(params.get("timeframe"));
            Scoped scoped = scoped(scope, KeenWire.filters(step.get("filters")), timeframe, zone, now);
            steps.add(new FunnelQuery.Step(step.text("event_collection"), step.text("actor_property"),
                    scoped.filters, scoped.timeframe, step.flag("optional"), step.flag("inverted"),
                    step.flag("with_actors")));
        }
        return new Funnel(new FunnelQuery(steps), stepsNode);
    }

    /** The query's filters and timeframe with the key's scope applied. */
    private record Scoped(List<Filter> filters, TimeRange timeframe) {}

    private static Scoped scoped(Scope scope, KeenQueryParams params, ZoneId zone, Instant now) {
        return scoped(scope, KeenWire.filters(params.get("filters")), params.get("timeframe"), zone, now);
    }

    private static Scoped scoped(Scope scope, List<Filter> own, JsonNode timeframe, ZoneId zone, Instant now) {
        List<Filter> filters = new ArrayList<>(own);
        filters.addAll(scope.queryFilters());
        TimeRange range = timeframe == null ? null : timeframe(timeframe).resolve(now, zone, Timeframe.KEEN_WEEK_START);
        if (scope.queryTimeframe().isEmpty()) {
            return new Scoped(filters, range);
        }
        TimeRange forced = scope.queryTimeframe().get().resolve(now, zone, Timeframe.KEEN_WEEK_START);
        if (range == null) {
            return new Scoped(filters, forced);
        }
        Instant start = range.start().isAfter(forced.start()) ? range.start() : forced.start();
        Instant end = range.end().isBefore(forced.end()) ? range.end() : forced.end();
        if (!start.isBefore(end)) {
            // The query asks only for time the key may not see: nothing matches (keen.id is never missing).
            filters.add(Filter.of("keen.id", FilterOperator.EXISTS, false));
            return new Scoped(filters, forced);
        }
        return new Scoped(filters, TimeRange.of(start, end));
    }

    private static Timeframe timeframe(JsonNode node) {
        if (node.isObject()) {
            return Timeframe.absolute(node.path("start").asText(null), node.path("end").asText(null));
        }
        return Timeframe.parse(node.asText());
    }

    private static Metric metric(String analysis, KeenQueryParams params) {
        String target = params.text("target_property");
        return switch (analysis) {
            case "count" -> new Metric.Count();
            case "count_unique" -> new Metric.CountUnique(target);
            case "sum" -> new Metric.Sum(target);
            case "minimum" -> new Metric.Minimum(target);
            case "maximum" -> new Metric.Maximum(target);
            case "average" -> new Metric.Average(target);
            case "median" -> new Metric.Median(target);
            case "percentile" -> new Metric.Percentile(target, Optional.ofNullable(params.number("percentile"))
                    .orElseThrow(() -> InvalidRequestException.missing("percentile")));
            case "standard_deviation" -> new Metric.StandardDeviation(target);
            case "select_unique" -> new Metric.SelectUnique(target);
            default -> throw new InvalidRequestException(ErrorCode.INVALID_FIELD, "unknown analysis " + analysis
                    + "; use count, count_unique, sum, minimum, maximum, average, median, percentile,"
                    + " standard_deviation, select_unique, extraction, multi_analysis or funnel",
                    Map.of("field", "analysis_type"));
        };
    }

    private static Map<String, Metric> analyses(KeenQueryParams params) {
        JsonNode node = params.get("analyses");
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw InvalidRequestException.missing("analyses");
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            KeenQueryParams analysis = KeenQueryParams.of(entry.getValue());
            String type = analysis.text("analysis_type");
            if (type == null || type.equals("extraction") || type.equals("funnel") || type.equals("multi_analysis")) {
                throw InvalidRequestException.field("analyses", "analysis " + entry.getKey()
                        + " needs an analysis_type such as count or sum");
            }
            metrics.put(entry.getKey(), metric(type, analysis));
        });
        return metrics;
    }

    private static List<OrderBy> orderBy(JsonNode node) {
        List<OrderBy> order = new ArrayList<>();
        if (node == null) {
            return order;
        }
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            String property = item.isTextual() ? item.asText() : item.path("property_name").asText(null);
            String direction = item.path("direction").asText("ASC").toUpperCase(Locale.ROOT);
            if (property == null || !(direction.equals("ASC") || direction.equals("DESC"))) {
                throw InvalidRequestException.field("order_by",
                        "order_by takes {\"property_name\": ..., \"direction\": \"ASC\" or \"DESC\"}");
            }
            order.add(new OrderBy(property, OrderBy.Direction.valueOf(direction)));
        }
        return order;
    }
}
