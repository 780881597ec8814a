package io.cairn.core.analysis;

import static io.cairn.core.analysis.GoldenCase.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.Filter;
import io.cairn.core.model.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a golden case should answer, worked out by the {@link Oracle} from the case's files alone and written as
 * Keen's response body (keen.md §6). Events are read here from their JSON, not by the engine's parser; timeframes
 * and buckets come from {@link OracleCalendar}.
 */
final class GoldenOracle {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TIMESTAMP = "keen.timestamp";
    private static final String CREATED_AT = "keen.created_at";

    /** One stored event: its collection and its properties flattened to paths ({@code keen.*} included). */
    private record Stored(String collection, Instant timestamp, Map<String, Object> properties) {}

    private final GoldenCase golden;
    private final List<Stored> stored = new ArrayList<>();

    private GoldenOracle(GoldenCase golden, Instant ingestedAt) {
        this.golden = golden;
        for (GoldenCase.Event event : golden.events()) {
            // Keen fills in created_at and id; a client's own values for them are ignored.
            JsonNode keen = event.body().path("keen");
            Instant timestamp = Oracle.dateTime(keen.get("timestamp").asText());
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(TIMESTAMP, timestamp);
            properties.put(CREATED_AT, ingestedAt);
            properties.put("keen.id", "(generated)");
            keen.fields().forEachRemaining(field -> {
                if (!List.of("timestamp", "created_at", "id").contains(field.getKey())) {
                    flatten("keen." + field.getKey(), field.getValue(), properties);
                }
            });
            event.body().fields().forEachRemaining(field -> {
                if (!field.getKey().equals("keen")) {
                    flatten(field.getKey(), field.getValue(), properties);
                }
            });
            stored.add(new Stored(event.collection(), timestamp, properties));
        }
    }

    /** The response body the case should get. */
    static JsonNode answer(GoldenCase golden, Instant ingestedAt) {
        GoldenOracle oracle = new GoldenOracle(golden, ingestedAt);
        return switch (golden.analysisType()) {
            case "funnel" -> oracle.funnel();
            case "extraction" -> oracle.extraction();
            default -> oracle.analysis();
        };
    }

    /** Objects become dotted paths; lists are kept whole; strings that read as date-times are date-times. */
    private static void flatten(String path, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(path + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            into.put(path, list(node));
        } else if (node.isNumber()) {
            into.put(path, node.doubleValue());
        } else if (node.isBoolean()) {
            into.put(path, node.booleanValue());
        } else if (node.isTextual()) {
            Instant time = Oracle.dateTime(node.textValue());
            into.put(path, time == null ? node.textValue() : time);
        }
    }

    private static List<Object> list(JsonNode array) {
        List<Object> items = new ArrayList<>();
        for (JsonNode item : array) {
            items.add(item.isNumber() ? (Object) item.doubleValue() : item.isArray() ? list(item)
                    : GoldenJson.MAPPER.convertValue(item, Object.class));
        }
        return items;
    }

    private List<Stored> collection(String name) {
        return stored.stream().filter(event -> event.collection().equals(name)).toList();
    }

    private List<Stored> matching(List<Stored> events, List<Filter> filters, TimeRange timeframe) {
        return events.stream().filter(e -> Oracle.matches(e.properties(), e.timestamp(), filters, timeframe))
                .toList();
    }

    private TimeRange timeframe(JsonNode node, ZoneId zone) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return TimeRange.of(Oracle.dateTime(node.get("start").asText()), Oracle.dateTime(node.get("end")
                    .asText()));
        }
        return OracleCalendar.resolve(node.asText(), golden.now(), zone);
    }

    private JsonNode analysis() {
        JsonNode q = golden.query();
        ZoneId zone = OracleCalendar.zone(text(q, "timezone"));
        TimeRange timeframe = timeframe(q.get("timeframe"), zone);
        List<Stored> all = collection(text(q, "event_collection"));
        Set<String> conflicted = Oracle.conflicted(all.stream().map(Stored::properties).toList());
        List<Stored> matching = matching(all, GoldenCase.filters(q), timeframe);
        ObjectNode body = NODES.objectNode();
        if (!q.hasNonNull("interval")) {
            body.set("result", answer(matching, conflicted));
            return body;
        }
        Map.Entry<Integer, CalendarUnit> interval = OracleCalendar.interval(text(q, "interval"));
        ArrayNode series = body.putArray("result");
        for (TimeRange bucket : OracleCalendar.buckets(timeframe, interval.getKey(), interval.getValue(), zone)) {
            ObjectNode node = series.addObject();
            node.set("timeframe", GoldenJson.timeframe(bucket, zone));
            node.set("value", answer(matching.stream().filter(e -> bucket.contains(e.timestamp())).toList(),
                    conflicted));
        }
        return body;
    }

    /** A bucket's (or the whole timeframe's) answer: values, or group rows in order, cut to the limit. */
    private JsonNode answer(List<Stored> events, Set<String> conflicted) {
        JsonNode q = golden.query();
        Map<String, Metric> metrics = GoldenCase.metrics(q);
        boolean multi = golden.analysisType().equals("multi_analysis");
        List<String> groupBy = GoldenCase.strings(q, "group_by");
        if (groupBy.isEmpty()) {
            Map<String, Object> values = values(metrics, events.stream().map(Stored::properties).toList(),
                    conflicted);
            return multi ? GoldenJson.node(values) : GoldenJson.node(values.get(AnalysisQuery.RESULT));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Oracle.group(events.stream().map(Stored::properties).toList(), groupBy, conflicted).forEach((key, members) -> {
            Map<String, Object> row = new LinkedHashMap<>(Oracle.keys(groupBy, key));
            row.putAll(values(metrics, members, conflicted));
            rows.add(row);
        });
        // A stable sort keeps the groups' own order among rows that order_by finds equal.
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (Map.Entry<String, Boolean> term : GoldenCase.orderBy(q)) {
            order = order.thenComparing((a, b) -> descendingKeepsNullsLast(a.get(term.getKey()),
                    b.get(term.getKey()), term.getValue()));
        }
        rows.sort(order);
        Integer limit = GoldenCase.limit(q);
        return GoldenJson.node(limit == null || limit >= rows.size() ? rows : rows.subList(0, limit));
    }

    private static int descendingKeepsNullsLast(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return Oracle.compareValues(a, b);
        }
        return descending ? Oracle.compareValues(b, a) : Oracle.compareValues(a, b);
    }

    private static Map<String, Object> values(Map<String, Metric> metrics, List<Map<String, Object>> events,
            Set<String> conflicted) {
        Map<String, Object> values = new LinkedHashMap<>();
        metrics.forEach((label, metric) -> values.put(label, Oracle.metric(metric, events, conflicted)));
        return values;
    }

    /** Oldest first, the newest {@code latest} of them, nested again; {@code keen.id} is left to the runner. */
    private JsonNode extraction() {
        JsonNode q = golden.query();
        ZoneId zone = OracleCalendar.zone(text(q, "timezone"));
        List<Stored> events = new ArrayList<>(matching(collection(text(q, "event_collection")),
                GoldenCase.filters(q), timeframe(q.get("timeframe"), zone)));
        events.sort(Comparator.comparing(Stored::timestamp));
        if (q.hasNonNull("latest") && q.get("latest").asInt() < events.size()) {
            events = events.subList(events.size() - q.get("latest").asInt(), events.size());
        }
        List<String> names = GoldenCase.strings(q, "property_names");
        ArrayNode result = NODES.arrayNode();
        for (Stored event : events) {
            ObjectNode nested = result.addObject();
            nested.putObject("keen");
            event.properties().forEach((path, value) -> {
                boolean automatic = path.equals(TIMESTAMP) || path.equals(CREATED_AT);
                if (!path.equals("keen.id") && (automatic || names.isEmpty() || wanted(path, names))) {
                    put(nested, path, value);
                }
            });
        }
        return NODES.objectNode().set("result", result);
    }

    private static boolean wanted(String path, List<String> names) {
        return names.stream().anyMatch(name -> path.equals(name) || path.startsWith(name + "."));
    }

    private static void put(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        Object shown = value instanceof Instant time ? Oracle.text(time) : value;
        node.set(parts[parts.length - 1], GoldenJson.node(shown));
    }

    /** Each step's actors (as text), narrowed step after step; actors listed sorted for the steps that ask. */
    private JsonNode funnel() {
        JsonNode q = golden.query();
        List<Set<String>> actors = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        List<Boolean> inverted = new ArrayList<>();
        for (JsonNode step : q.get("steps")) {
            String timezone = step.has("timezone") ? text(step, "timezone") : text(q, "timezone");
            TimeRange timeframe = timeframe(step.has("timeframe") ? step.get("timeframe") : q.get("timeframe"),
                    OracleCalendar.zone(timezone));
            String actor = text(step, "actor_property");
            Set<String> did = new TreeSet<>();
            for (Stored event : matching(collection(text(step, "event_collection")), GoldenCase.filters(step),
                    timeframe)) {
                if (event.properties().get(actor) != null) {
                    did.add(Oracle.text(event.properties().get(actor)));
                }
            }
            actors.add(did);
            optional.add(step.path("optional").asBoolean());
            inverted.add(step.path("inverted").asBoolean());
        }
        List<Set<String>> survivors = Oracle.funnel(actors, optional, inverted);
        ObjectNode body = NODES.objectNode();
        body.set("result", GoldenJson.node(survivors.stream().map(s -> (long) s.size()).toList()));
        List<JsonNode> listed = new ArrayList<>();
        boolean anyListed = false;
        for (int i = 0; i < survivors.size(); i++) {
            boolean asked = q.get("steps").get(i).path("with_actors").asBoolean();
            anyListed |= asked;
            listed.add(asked ? GoldenJson.node(new ArrayList<>(survivors.get(i))) : NODES.nullNode());
        }
        if (anyListed) {
            body.putArray("actors").addAll(listed);
        }
        return body;
    }
}
