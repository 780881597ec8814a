package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.analysis.AnalysisService;
import io.cairn.core.analysis.ExtractionQuery;
import io.cairn.core.analysis.FunnelQuery;
import io.cairn.core.analysis.JsonText;
import io.cairn.core.analysis.Metric;
import io.cairn.core.analysis.OrderBy;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.TimeZones;
import io.cairn.core.model.Timeframe;
import io.cairn.core.project.Permission;
import io.cairn.core.project.Principal;
import io.cairn.core.project.Scope;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keen's analyses: {@code GET} with query-string parameters or {@code POST} with a JSON body, for every analysis
 * type. A key's scope adds its forced filters and narrows the timeframe of every query made with it.
 */
final class KeenQueriesHandler {

    static final String QUERIES = KeenDialect.PROJECT + "/queries";

    private final AnalysisService analyses;
    private final KeenAccess access;
    private final RequestBodies bodies;
    private final Clock clock;

    KeenQueriesHandler(AnalysisService analyses, KeenAccess access, RequestBodies bodies, Clock clock) {
        this.analyses = analyses;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    void mount(RoutesConfig routes) {
        routes.get(QUERIES + "/{analysis}", this::analyze);
        routes.post(QUERIES + "/{analysis}", this::analyze);
    }

    private void analyze(Context ctx) {
        Principal principal = access.require(ctx, Permission.QUERIES);
        KeenQueryParams params = KeenQueryParams.of(ctx, bodies);
        String analysis = ctx.pathParam("analysis");
        switch (analysis) {
            case "extraction" -> extraction(ctx, principal, params);
            case "funnel" -> funnel(ctx, principal, params);
            case "multi_analysis" -> Responses.json(ctx, 200, run(principal, params, analyses(params), true));
            default -> Responses.json(ctx, 200, run(principal, params,
                    Map.of(AnalysisQuery.RESULT, metric(analysis, params)), false));
        }
    }

    private JsonNode run(Principal principal, KeenQueryParams params, Map<String, Metric> metrics, boolean multi) {
        ZoneId zone = TimeZones.parse(params.text("timezone"));
        Scoped scoped = scoped(principal, params, zone);
        Optional<Interval> interval = Optional.ofNullable(params.text("interval")).map(Interval::parse);
        AnalysisQuery query = new AnalysisQuery(params.text("event_collection"), metrics, scoped.filters,
                scoped.timeframe, interval, zone, Timeframe.KEEN_WEEK_START, params.strings("group_by"),
                orderBy(params.get("order_by")), params.integer("limit"));
        return KeenAnalysisWire.result(analyses.run(principal.projectId(), query), multi, zone);
    }

    private void extraction(Context ctx, Principal principal, KeenQueryParams params) {
        if (params.text("email") != null) {
            throw InvalidRequestException.field("email", "Cairn does not email extractions; omit email to receive"
                    + " the events in the answer");
        }
        Scoped scoped = scoped(principal, params, TimeZones.parse(params.text("timezone")));
        ExtractionQuery query = new ExtractionQuery(params.text("event_collection"), scoped.filters,
                scoped.timeframe, params.integer("latest"), params.strings("property_names"));
        ctx.status(200).contentType(Responses.JSON);
        try (OutputStream out = ctx.outputStream(); JsonGenerator json = KeenWire.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("result");
            analyses.extract(principal.projectId(), query, event -> {
                try {
                    writeValue(json, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events are maps of strings, doubles, booleans, nested maps and stored JSON text, written without a tree. */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Double number -> {
                if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                    json.writeNumber(number.longValue());
                } else {
                    json.writeNumber(number);
                }
            }
            case Boolean bool -> json.writeBoolean(bool);
            case JsonText text -> json.writeRawValue(text.json());
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(entry.getKey().toString());
                    writeValue(json, entry.getValue());
                }
                json.writeEndObject();
            }
            default -> json.writeString(value.toString());
        }
    }

    private void funnel(Context ctx, Principal principal, KeenQueryParams params) {
        JsonNode stepsNode = params.get("steps");
        if (stepsNode == null || !stepsNode.isArray()) {
            throw InvalidRequestException.missing("steps");
        }
        Instant now = clock.instant();
        List<FunnelQuery.Step> steps = new ArrayList<>();
        for (JsonNode node : stepsNode) {
            KeenQueryParams step = KeenQueryParams.of(node);
            ZoneId zone = TimeZones.parse(Optional.ofNullable(step.text("timezone")).orElse(params.text("timezone")));
            JsonNode timeframe = Optional.ofNullable(step.get("timeframe")).orElse(params.get("timeframe"));
            Scoped scoped = scoped(principal, KeenWire.filters(step.get("filters")), timeframe, zone, now);
            steps.add(new FunnelQuery.Step(step.text("event_collection"), step.text("actor_property"),
                    scoped.filters, scoped.timeframe, step.flag("optional"), step.flag("inverted"),
                    step.flag("with_actors")));
        }
        Responses.json(ctx, 200, KeenAnalysisWire.funnel(analyses.funnel(principal.projectId(),
                new FunnelQuery(steps)), stepsNode));
    }

    /** The query's filters and timeframe with the key's scope applied. */
    private record Scoped(List<Filter> filters, TimeRange timeframe) {}

    private Scoped scoped(Principal principal, KeenQueryParams params, ZoneId zone) {
        return scoped(principal, KeenWire.filters(params.get("filters")), params.get("timeframe"), zone,
                clock.instant());
    }

    private Scoped scoped(Principal principal, List<Filter> own, JsonNode timeframe, ZoneId zone, Instant now) {
        Scope scope = principal.scope();
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
