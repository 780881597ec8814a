package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.analysis.AnalysisResult;
import io.cairn.core.analysis.FunnelQuery;
import io.cairn.core.model.TimeRange;
import io.cairn.server.http.Json;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Keen's analysis answers (keen.md §6): {@code result} shaped by grouping, intervals and multi-analysis. */
final class KeenAnalysisWire {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private KeenAnalysisWire() {}

    /** {@code {"result": ...}}; a single analysis shows bare values, a multi-analysis a map of labels. */
    static ObjectNode result(AnalysisResult result, boolean multi, ZoneId zone) {
        ObjectNode body = NODES.objectNode();
        body.set("result", render(result, multi, zone));
        return body;
    }

    private static JsonNode render(AnalysisResult result, boolean multi, ZoneId zone) {
        return switch (result) {
            case AnalysisResult.Values values -> multi ? metrics(values.metrics())
                    : value(values.metrics().get(AnalysisQuery.RESULT));
            case AnalysisResult.Groups groups -> groups(groups, multi);
            case AnalysisResult.Series series -> {
                ArrayNode buckets = NODES.arrayNode();
                for (AnalysisResult.Bucket bucket : series.buckets()) {
                    ObjectNode node = buckets.addObject();
                    node.set("timeframe", timeframe(bucket.timeframe(), zone));
                    node.set("value", render(bucket.value(), multi, zone));
                }
                yield buckets;
            }
        };
    }

    /** Groups: each row holds its group_by values, then {@code result} (or, in a multi-analysis, each label). */
    private static ArrayNode groups(AnalysisResult.Groups groups, boolean multi) {
        ArrayNode rows = NODES.arrayNode();
        for (AnalysisResult.Group group : groups.groups()) {
            ObjectNode row = rows.addObject();
            group.keys().forEach((property, value) -> row.set(property, value(value)));
            if (multi) {
                group.metrics().forEach((label, value) -> row.set(label, value(value)));
            } else {
                row.set("result", value(group.metrics().get(AnalysisQuery.RESULT)));
            }
        }
        return rows;
    }

    private static ObjectNode metrics(Map<String, Object> metrics) {
        ObjectNode node = NODES.objectNode();
        metrics.forEach((label, value) -> node.set(label, value(value)));
        return node;
    }

    static ObjectNode timeframe(TimeRange range, ZoneId zone) {
        ObjectNode node = NODES.objectNode();
        node.put("start", ISO_WITH_OFFSET.format(range.start().atZone(zone)));
        node.put("end", ISO_WITH_OFFSET.format(range.end().atZone(zone)));
        return node;
    }

    /** {@code {"result": [counts], "actors": [...]}} when any step asked for actors. */
    static ObjectNode funnel(FunnelQuery.Result result, JsonNode steps) {
        ObjectNode body = NODES.objectNode();
        ArrayNode counts = body.putArray("result");
        result.counts().forEach(counts::add);
        body.set("steps", steps == null ? NODES.arrayNode() : steps);
        if (result.actors().stream().anyMatch(actors -> actors != null)) {
            ArrayNode actors = body.putArray("actors");
            for (List<Object> step : result.actors()) {
                actors.add(step == null ? NODES.nullNode() : Json.MAPPER.valueToTree(step));
            }
        }
        return body;
    }

    /** Numbers that are whole show without a fraction, as Keen shows them. */
    static JsonNode value(Object value) {
        if (value instanceof Double number && !number.isInfinite() && number == Math.rint(number)
                && Math.abs(number) < 1e15) {
            return NODES.numberNode(number.longValue());
        }
        return Json.MAPPER.valueToTree(value);
    }
}
