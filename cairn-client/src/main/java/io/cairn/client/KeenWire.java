package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.Json;
import io.cairn.client.internal.JsonValues;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.EventResult;
import io.cairn.client.model.Filter;
import io.cairn.client.model.OrderBy;
import io.cairn.client.model.PropertyType;
import io.cairn.client.model.Timeframe;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keen's JSON shapes for the events API, and the query-string encodings of filters and timeframes. Kept apart from
 * the model records so that those carry no wire names. The readers throw {@link NullPointerException} or {@link
 * IllegalArgumentException} on an answer they cannot accept, which the transport reports as an unreadable answer.
 */
final class KeenWire {

    private KeenWire() {}

    /** One collection as {@code GET /events} and {@code GET /events/{name}} return it; other fields are ignored. */
    record CollectionJson(String name, Map<String, String> properties, String url) {

        EventCollection toModel() {
            Map<String, PropertyType> types = new LinkedHashMap<>();
            if (properties != null) {
                properties.forEach((path, type) -> types.put(path, PropertyType.fromWireName(type)));
            }
            return new EventCollection(name, types, url);
        }

        static List<EventCollection> toModels(CollectionJson[] collections) {
            List<EventCollection> models = new ArrayList<>(collections.length);
            for (CollectionJson collection : collections) {
                models.add(collection.toModel());
            }
            return List.copyOf(models);
        }
    }

    /**
     * Reads a batch answer, {@code {"coll": [{"success": true}, {"success": false, "error": {"name": ...,
     * "description": ...}}]}}, checking that it holds one result for each event sent.
     *
     * @param answer the parsed body
     * @param sent how many events were sent per collection
     */
    static BatchResult toBatchResult(JsonNode answer, Map<String, Integer> sent) {
        if (answer == null || !answer.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of results by collection");
        }
        Map<String, List<EventResult>> results = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : answer.properties()) {
            if (!field.getValue().isArray()) {
                throw new IllegalArgumentException("results of collection " + field.getKey() + " are not a list");
            }
            List<EventResult> list = new ArrayList<>();
            field.getValue().forEach(result -> list.add(toEventResult(field.getKey(), result)));
            results.put(field.getKey(), list);
        }
        sent.forEach((collection, count) -> {
            int got = results.getOrDefault(collection, List.of()).size();
            if (got != count) {
                throw new IllegalArgumentException("sent " + count + " events to collection " + collection
                        + " but got " + got + " results");
            }
        });
        return new BatchResult(results);
    }

    private static EventResult toEventResult(String collection, JsonNode result) {
        JsonNode success = result.get("success");
        if (success == null || !success.isBoolean()) {
            throw new IllegalArgumentException("a result of collection " + collection + " has no boolean success");
        }
        if (success.booleanValue()) {
            return EventResult.stored();
        }
        JsonNode error = result.path("error");
        return EventResult.rejected(text(error.get("name")), text(error.get("description")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /**
     * Copies a value as Keen's JSON, like {@link JsonValues#copy(Object, String)}, with the SDK's Keen values in their
     * wire form wherever they appear: a {@link Filter} as {@code {"property_name", "operator", "property_value"}},
     * a relative {@link Timeframe} as its expression and an absolute one as {@code {"start", "end"}}, an {@link
     * OrderBy} as {@code {"property_name", "direction"}}.
     *
     * @throws IllegalArgumentException if a value cannot be sent; the message names where it is
     */
    static Object json(Object value, String path) {
        return JsonValues.copy(value, path, KeenWire::wireForm);
    }

    private static Object wireForm(Object value) {
        return switch (value) {
            case Filter filter -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("property_name", filter.propertyName());
                json.put("operator", filter.operator());
                // Copied here so that an error names the filtered property rather than a place in the JSON.
                json.put("property_value", JsonValues.copy(filter.value(), filter.propertyName(), KeenWire::wireForm));
                yield json;
            }
            case Timeframe.Relative relative -> relative.expression();
            case Timeframe.Absolute absolute -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("start", absolute.start());
                json.put("end", absolute.end());
                yield json;
            }
            case OrderBy order -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("property_name", order.propertyName());
                json.put("direction", order.direction().name());
                yield json;
            }
            case null, default -> value;
        };
    }

    /**
     * Reads a date-time the server wrote: ISO-8601 with an offset or {@code Z}, or without one, read as UTC (as
     * Keen treats zone-less times).
     *
     * @param text the text; null when the server sent none
     * @return the instant; null when {@code text} is null
     * @throws IllegalArgumentException if the text is not an ISO-8601 date-time
     */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time: " + text, e);
            }
        }
    }

    /** A JSON object of an answer as a map of plain values ({@link JsonValues#fromJson(JsonNode)}). */
    static Map<String, Object> objectValue(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " is not an object: " + node);
        }
        @SuppressWarnings("unchecked") // fromJson turns an object into a map
        Map<String, Object> map = (Map<String, Object>) JsonValues.fromJson(node);
        return map;
    }

    /** The {@code filters} query parameter: a JSON array of Keen's filter objects. */
    static String filtersParam(List<Filter> filters) {
        return new String(Json.write(json(filters, "filters")), UTF_8);
    }

    /** The {@code timeframe} query parameter: a relative expression as is, an absolute one as a JSON object. */
    static String timeframeParam(Timeframe timeframe) {
        Object json = json(timeframe, "timeframe");
        return json instanceof String expression ? expression : new String(Json.write(json), UTF_8);
    }
}
