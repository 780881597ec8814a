package io.cairn.core.analysis;

import static io.cairn.core.analysis.GoldenCase.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.CairnCore;
import io.cairn.core.event.EventError;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.IngestReport;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.TimeZones;
import io.cairn.core.model.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A golden case put to the engine: its events ingested, its request read into core queries the way the Keen dialect
 * reads it, and the answer rendered as Keen's response body (keen.md §6). The server's renderer cannot be used from
 * core's tests, so this is a small one of its own.
 */
final class GoldenEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoldenEngine() {}

    static void ingest(CairnCore core, ProjectId project, List<GoldenCase.Event> events) {
        EventParser parser = new EventParser(new JsonFactory());
        Map<String, List<ParsedEvent>> byCollection = new LinkedHashMap<>();
        try {
            for (GoldenCase.Event event : events) {
                byCollection.computeIfAbsent(event.collection(), c -> new ArrayList<>())
                        .add(parser.readOne(GoldenJson.MAPPER.writeValueAsBytes(event.body())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<IngestBatch.CollectionEvents> collections = new ArrayList<>();
        byCollection.forEach((name, parsed) -> collections.add(new IngestBatch.CollectionEvents(name, parsed)));
        IngestReport report = core.events().ingest(project, new IngestBatch(collections, Optional.empty()));
        for (IngestReport.CollectionResults results : report.collections()) {
            for (EventError error : results.errors()) {
                if (error != null) {
                    throw new AssertionError("event of " + results.collection() + " refused: " + error.message());
                }
            }
        }
    }

    static JsonNode answer(CairnCore core, ProjectId project, GoldenCase golden) {
        return switch (golden.analysisType()) {
            case "funnel" -> funnel(core, project, golden);
            case "extraction" -> extraction(core, project, golden);
            default -> analysis(core, project, golden);
        };
    }

    private static JsonNode analysis(CairnCore core, ProjectId project, GoldenCase golden) {
        JsonNode q = golden.query();
        ZoneId zone = TimeZones.parse(text(q, "timezone"));
        List<OrderBy> orderBy = GoldenCase.orderBy(q).stream().map(order -> new OrderBy(order.getKey(),
                order.getValue() ? OrderBy.Direction.DESC : OrderBy.Direction.ASC)).toList();
        AnalysisQuery query = new AnalysisQuery(text(q, "event_collection"), GoldenCase.metrics(q),
                GoldenCase.filters(q), timeframe(q.get("timeframe"), golden.now(), zone),
                Optional.ofNullable(text(q, "interval")).map(Interval::parse), zone, Timeframe.KEEN_WEEK_START,
                GoldenCase.strings(q, "group_by"), orderBy, GoldenCase.limit(q));
        ObjectNode body = NODES.objectNode();
        body.set("result", render(core.analyses().run(project, query), golden.analysisType().equals(
                "multi_analysis"), zone));
        return body;
    }

    private static TimeRange timeframe(JsonNode node, Instant now, ZoneId zone) {
        if (node == null || node.isNull()) {
            return null;
        }
        Timeframe timeframe = node.isObject() ? Timeframe.absolute(node.get("start").asText(), node.get("end")
                .asText()) : Timeframe.parse(node.asText());
        return timeframe.resolve(now, zone, Timeframe.KEEN_WEEK_START);
    }

    private static JsonNode render(AnalysisResult result, boolean multi, ZoneId zone) {
        return switch (result) {
            case AnalysisResult.Values values -> multi ? labelled(values.metrics())
                    : GoldenJson.node(values.metrics().get(AnalysisQuery.RESULT));
            case AnalysisResult.Groups groups -> {
                ArrayNode rows = NODES.arrayNode();
                for (AnalysisResult.Group group : groups.groups()) {
                    ObjectNode row = rows.addObject();
                    group.keys().forEach((property, value) -> row.set(property, GoldenJson.node(value)));
                    if (multi) {
                        row.setAll(labelled(group.metrics()));
                    } else {
                        row.set("result", GoldenJson.node(group.metrics().get(AnalysisQuery.RESULT)));
                    }
                }
                yield rows;
            }
            case AnalysisResult.Series series -> {
                ArrayNode buckets = NODES.arrayNode();
                for (AnalysisResult.Bucket bucket : series.buckets()) {
                    ObjectNode node = buckets.addObject();
                    node.set("timeframe", GoldenJson.timeframe(bucket.timeframe(), zone));
                    node.set("value", render(bucket.value(), multi, zone));
                }
                yield buckets;
            }
        };
    }

    private static ObjectNode labelled(Map<String, Object> metrics) {
        ObjectNode node = NODES.objectNode();
        metrics.forEach((label, value) -> node.set(label, GoldenJson.node(value)));
        return node;
    }

    /** Keen's events, minus {@code keen.id}: it is random, so only its form is checked. */
    private static JsonNode extraction(CairnCore core, ProjectId project, GoldenCase golden) {
        JsonNode q = golden.query();
        ZoneId zone = TimeZones.parse(text(q, "timezone"));
        ExtractionQuery query = new ExtractionQuery(text(q, "event_collection"), GoldenCase.filters(q),
                timeframe(q.get("timeframe"), golden.now(), zone), q.hasNonNull("latest") ? q.get("latest").asInt()
                        : null, GoldenCase.strings(q, "property_names"));
        ArrayNode events = NODES.arrayNode();
        for (JsonNode event : GoldenJson.extracted(core, project, query)) {
            String id = ((ObjectNode) event.get("keen")).remove("id").asText();
            if (!id.matches("[0-9a-f]{24}")) {
                throw new AssertionError("keen.id is not 24 hex characters: " + id);
            }
            events.add(event);
        }
        return NODES.objectNode().set("result", events);
    }

    /** Counts, and the survivors of the steps that ask for actors (sorted: their order is not a promise). */
    private static JsonNode funnel(CairnCore core, ProjectId project, GoldenCase golden) {
        JsonNode q = golden.query();
        List<FunnelQuery.Step> steps = new ArrayList<>();
        for (JsonNode step : q.get("steps")) {
            ZoneId zone = TimeZones.parse(Optional.ofNullable(text(step, "timezone")).orElse(text(q, "timezone")));
            JsonNode timeframe = step.has("timeframe") ? step.get("timeframe") : q.get("timeframe");
            steps.add(new FunnelQuery.Step(text(step, "event_collection"), text(step, "actor_property"),
                    GoldenCase.filters(step), timeframe(timeframe, golden.now(), zone),
                    step.path("optional").asBoolean(), step.path("inverted").asBoolean(),
                    step.path("with_actors").asBoolean()));
        }
        FunnelQuery.Result result = core.analyses().funnel(project, new FunnelQuery(steps));
        ObjectNode body = NODES.objectNode();
        body.set("result", GoldenJson.node(result.counts()));
        if (result.actors().stream().anyMatch(actors -> actors != null)) {
            ArrayNode actors = body.putArray("actors");
            for (List<Object> step : result.actors()) {
                List<String> sorted = step == null ? null : List.copyOf(new TreeSet<>(step.stream()
                        .map(String::valueOf).toList()));
                actors.add(GoldenJson.node(sorted));
            }
        }
        return body;
    }
}
