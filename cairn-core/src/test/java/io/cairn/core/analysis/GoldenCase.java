package io.cairn.core.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden analysis case: a folder under {@code golden/analyses} holding {@code events.jsonl} (one Keen event per
 * line), {@code query.json} (a Keen analysis request) and {@code expected.json} (Keen's response body). See the
 * README there for the fields.
 *
 * <p>This class also reads the request's vocabulary (filters, metrics) into core records, for both the engine and
 * the oracle: those records only carry the request, the two sides compute their answers apart.
 *
 * @param expected null until the case has been answered once with {@code -Dgolden.update=true}
 */
record GoldenCase(String name, Path dir, JsonNode query, List<Event> events, JsonNode expected) {

    /** Where the cases live, relative to the module (the runner writes expected files back there). */
    static final Path ROOT = Path.of("src", "test", "resources", "golden", "analyses");

    /** Events name their collection with this member, which Keen's naming rules keep free for the harness. */
    static final String COLLECTION_MEMBER = "$collection";

    /** One event and the collection it goes to. */
    record Event(String collection, ObjectNode body) {}

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("query.json"))).map(dir -> dir.getFileName()
                    .toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenCase load(String name) {
        Path dir = ROOT.resolve(name);
        try {
            JsonNode query = GoldenJson.MAPPER.readTree(dir.resolve("query.json").toFile());
            String collection = defaultCollection(query);
            List<Event> events = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode body = (ObjectNode) GoldenJson.MAPPER.readTree(line);
                JsonNode named = body.remove(COLLECTION_MEMBER);
                events.add(new Event(named == null ? collection : named.asText(), body));
            }
            Path expectedFile = dir.resolve("expected.json");
            JsonNode expected = Files.exists(expectedFile) ? GoldenJson.MAPPER.readTree(expectedFile.toFile()) : null;
            return new GoldenCase(name, dir, query, events, expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden case " + name, e);
        }
    }

    /** The collection of events that do not name one: the query's, or a funnel's first step's. */
    private static String defaultCollection(JsonNode query) {
        JsonNode steps = query.path("steps");
        return steps.isArray() && !steps.isEmpty() ? steps.get(0).path("event_collection").asText()
                : query.path("event_collection").asText();
    }

    String analysisType() {
        return query.path("analysis_type").asText();
    }

    /** The instant relative timeframes are resolved at. */
    Instant now() {
        return query.hasNonNull("now") ? Instant.parse(query.get("now").asText()) : null;
    }

    /** Why the engine is known to answer this case wrongly, or null. */
    String knownFailure() {
        return query.hasNonNull("known_failure") ? query.get("known_failure").asText() : null;
    }

    /** A request field as text ({@code timezone} may be a number of seconds), or null when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> strings = new ArrayList<>();
        value.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    static List<Filter> filters(JsonNode node) {
        List<Filter> filters = new ArrayList<>();
        for (JsonNode filter : node.path("filters")) {
            filters.add(Filter.of(filter.get("property_name").asText(),
                    FilterOperator.fromId(filter.get("operator").asText()).orElseThrow(),
                    GoldenJson.MAPPER.convertValue(filter.get("property_value"), Object.class)));
        }
        return filters;
    }

    /** The labelled metrics: a multi-analysis' {@code analyses}, else the one metric as {@code result}. */
    static Map<String, Metric> metrics(JsonNode query) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        if (query.path("analysis_type").asText().equals("multi_analysis")) {
            query.get("analyses").fields().forEachRemaining(entry -> metrics.put(entry.getKey(),
                    metric(entry.getValue())));
        } else {
            metrics.put(AnalysisQuery.RESULT, metric(query));
        }
        return metrics;
    }

    private static Metric metric(JsonNode analysis) {
        String target = text(analysis, "target_property");
        return switch (analysis.get("analysis_type").asText()) {
            case "count" -> new Metric.Count();
            case "count_unique" -> new Metric.CountUnique(target);
            case "sum" -> new Metric.Sum(target);
            case "minimum" -> new Metric.Minimum(target);
            case "maximum" -> new Metric.Maximum(target);
            case "average" -> new Metric.Average(target);
            case "median" -> new Metric.Median(target);
            case "percentile" -> new Metric.Percentile(target, analysis.get("percentile").asDouble());
            case "standard_deviation" -> new Metric.StandardDeviation(target);
            case "select_unique" -> new Metric.SelectUnique(target);
            default -> throw new IllegalArgumentException("not a metric: " + analysis);
        };
    }

    /** {@code order_by} as (property, descending) pairs. */
    static List<Map.Entry<String, Boolean>> orderBy(JsonNode query) {
        List<Map.Entry<String, Boolean>> order = new ArrayList<>();
        for (JsonNode item : query.path("order_by")) {
            order.add(Map.entry(item.get("property_name").asText(),
                    item.path("direction").asText("ASC").equalsIgnoreCase("DESC")));
        }
        return order;
    }

    static Integer limit(JsonNode query) {
        return query.hasNonNull("limit") ? query.get("limit").asInt() : null;
    }
}
