package io.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.JsonValues;
import io.cairn.client.model.AnalysisResult;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.ExtractionResult;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.LabeledValues;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.QueryResult;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Keen's analysis answers ({@code result}) into the SDK's result records. The shape of an answer is fixed by
 * the query (grouped, series, multi-analysis), so every reader is told the shape rather than guessing it from the
 * JSON. Readers throw {@link IllegalArgumentException} or {@link NullPointerException} on an answer that does not
 * fit, which the transport reports as an unreadable answer. Stateless and thread-safe.
 */
final class KeenResults {

    private KeenResults() {}

    /**
     * What a metric answer looks like.
     *
     * @param groupBy the {@code group_by} properties; empty when not grouped
     * @param series whether the query had an interval
     * @param labels a multi-analysis's labels with their metrics' types, in order; empty for a single metric
     */
    record Shape(List<String> groupBy, boolean series, Map<String, AnalysisType> labels) {

        Shape {
            groupBy = List.copyOf(groupBy);
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        boolean multi() {
            return !labels.isEmpty();
        }
    }

    /** A count: a whole number (Cairn writes whole numbers without a fraction; a fraction of zero is accepted). */
    static Long count(JsonNode node) {
        if (node == null || !node.isNumber() || (!node.isIntegralNumber() && node.doubleValue() != Math.rint(
                node.doubleValue()))) {
            throw new IllegalArgumentException("expected a whole number, got " + node);
        }
        return node.longValue();
    }

    /** An arithmetic metric: a number, or null where there was nothing to compute. */
    static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("expected a number or null, got " + node);
        }
        return node.doubleValue();
    }

    /** {@code select_unique}: a list of values. */
    static List<Object> list(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("expected a list, got " + node);
        }
        @SuppressWarnings("unchecked") // fromJson turns an array into a list
        List<Object> values = (List<Object>) JsonValues.fromJson(node);
        return values;
    }

    /** The reader of one metric's values, as typed by {@link AnalysisResult}. */
    static Function<JsonNode, Object> valueReader(AnalysisType type) {
        return switch (type) {
            case COUNT, COUNT_UNIQUE -> KeenResults::count;
            case SELECT_UNIQUE -> KeenResults::list;
            default -> KeenResults::number;
        };
    }

    /** A multi-analysis's values: reads each label of an object (a whole answer, a group row, an interval). */
    static LabeledValues labeled(JsonNode node, Map<String, AnalysisType> labels) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected an object of labels, got " + node);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        labels.forEach((label, type) -> {
            if (!node.has(label)) {
                throw new IllegalArgumentException("the answer has no label " + label + ": " + node);
            }
            values.put(label, valueReader(type).apply(node.get(label)));
        });
        return new LabeledValues(values);
    }

    /**
     * Reads a metric's {@code result}.
     *
     * @param values reads one value node (for a multi-analysis: an object holding the labels)
     */
    static <V> AnalysisResult<V> analysis(JsonNode result, Shape shape, Function<JsonNode, V> values) {
        if (!shape.series()) {
            return plainOrGroups(result, shape, values);
        }
        requireArray(result, "a series");
        List<AnalysisResult.Interval<V>> intervals = new ArrayList<>();
        for (JsonNode bucket : result) {
            JsonNode timeframe = bucket.path("timeframe");
            intervals.add(new AnalysisResult.Interval<>(time(timeframe.get("start")), time(timeframe.get("end")),
                    plainOrGroups(bucket.get("value"), shape, values)));
        }
        return new AnalysisResult.Series<>(intervals);
    }

    private static <V> AnalysisResult<V> plainOrGroups(JsonNode node, Shape shape, Function<JsonNode, V> values) {
        if (shape.groupBy().isEmpty()) {
            return new AnalysisResult.Value<>(values.apply(node));
        }
        requireArray(node, "a list of groups");
        List<AnalysisResult.Group<V>> groups = new ArrayList<>();
        for (JsonNode row : node) {
            if (!row.isObject()) {
                throw new IllegalArgumentException("expected a group object, got " + row);
            }
            Map<String, Object> keys = new LinkedHashMap<>();
            shape.groupBy().forEach(property -> keys.put(property, JsonValues.fromJson(row.get(property))));
            // A multi-analysis's row holds its labels beside the keys; a single metric's value is under "result".
            groups.add(new AnalysisResult.Group<>(keys, values.apply(shape.multi() ? row : row.get("result"))));
        }
        return new AnalysisResult.Groups<>(groups);
    }

    /** A funnel answer, {@code {"result": [counts], "steps": [...], "actors": [[...] or null, ...]}}. */
    static FunnelResult funnel(JsonNode body) {
        JsonNode counts = body == null ? null : body.get("result");
        requireArray(counts, "funnel counts");
        JsonNode steps = body.path("steps");
        JsonNode actors = body.path("actors");
        if (steps.size() != counts.size()) {
            throw new IllegalArgumentException("a funnel answer has " + counts.size() + " counts but "
                    + steps.size() + " steps");
        }
        List<FunnelResult.Step> results = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            JsonNode step = steps.get(i);
            JsonNode stepActors = actors.path(i);
            Optional<List<Object>> actorList = stepActors.isArray() ? Optional.of(list(stepActors)) : Optional.empty();
            results.add(new FunnelResult.Step(text(step, "event_collection"), text(step, "actor_property"),
                    count(counts.get(i)), actorList));
        }
        return new FunnelResult(results);
    }

    /** An extraction's {@code result}: a list of event objects. */
    static List<Map<String, Object>> events(JsonNode result) {
        requireArray(result, "a list of events");
        List<Map<String, Object>> events = new ArrayList<>(result.size());
        result.forEach(event -> events.add(event(event)));
        return events;
    }

    static Map<String, Object> event(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected an event object, got " + node);
        }
        @SuppressWarnings("unchecked") // fromJson turns an object into a map
        Map<String, Object> event = (Map<String, Object>) JsonValues.fromJson(node);
        return event;
    }

    /**
     * Reads the {@code result} of any query by its definition: what a saved query's result holds. A funnel's is the
     * whole funnel object.
     */
    static QueryResult any(QueryDefinition query, JsonNode result) {
        return switch (query.analysisType()) {
            case FUNNEL -> funnel(result);
            case EXTRACTION -> new ExtractionResult(events(result));
            case MULTI_ANALYSIS -> {
                Map<String, AnalysisType> labels = labels(query.parameters().get("analyses"));
                yield analysis(result, new Shape(query.groupBy(), query.interval() != null, labels),
                        node -> labeled(node, labels));
            }
            default -> analysis(result, new Shape(query.groupBy(), query.interval() != null, Map.of()),
                    valueReader(query.analysisType()));
        };
    }

    /** A multi-analysis's {@code analyses} parameter, {@code {label: {"analysis_type": ...}}}, as label types. */
    static Map<String, AnalysisType> labels(Object analyses) {
        if (!(analyses instanceof Map<?, ?> byLabel) || byLabel.isEmpty()) {
            throw new IllegalArgumentException("a multi-analysis needs analyses, got " + analyses);
        }
        Map<String, AnalysisType> labels = new LinkedHashMap<>();
        byLabel.forEach((label, analysis) -> {
            Object type = analysis instanceof Map<?, ?> map ? map.get("analysis_type") : null;
            labels.put(String.valueOf(label), AnalysisType.fromWireName(String.valueOf(type))
                    .filter(AnalysisType::isMetric)
                    .orElseThrow(() -> new IllegalArgumentException("analysis " + label + " has no metric type: "
                            + type)));
        });
        return labels;
    }

    private static OffsetDateTime time(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("expected an ISO-8601 time, got " + node);
        }
        try {
            return OffsetDateTime.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 time with an offset, got " + node, e);
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("expected a string " + field + " in " + object);
        }
        return value.textValue();
    }

    private static void requireArray(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("expected " + what + ", got " + node);
        }
    }
}
