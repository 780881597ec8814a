package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.Json;
import io.cairn.client.internal.JsonValues;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.EventResult;
import io.cairn.client.model.Filter;
import io.cairn.client.model.PropertyType;
import io.cairn.client.model.Timeframe;
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

    record FilterJson(@JsonProperty("property_name") String propertyName, String operator,
            @JsonProperty("property_value") Object propertyValue) {}

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

    /** The {@code filters} query parameter: a JSON array of Keen's filter objects. */
    static String filtersParam(List<Filter> filters) {
        List<FilterJson> json = new ArrayList<>(filters.size());
        for (Filter filter : filters) {
            Object value = JsonValues.copy(filter.value(), filter.propertyName());
            json.add(new FilterJson(filter.propertyName(), filter.operator(), value));
        }
        return new String(Json.write(json), UTF_8);
    }

    /** The {@code timeframe} query parameter: a relative expression as is, an absolute one as a JSON object. */
    static String timeframeParam(Timeframe timeframe) {
        return switch (timeframe) {
            case Timeframe.Relative relative -> relative.expression();
            case Timeframe.Absolute absolute -> {
                Map<String, String> json = new LinkedHashMap<>();
                json.put("start", JsonValues.formatInstant(absolute.start()));
                json.put("end", JsonValues.formatInstant(absolute.end()));
                yield new String(Json.write(json), UTF_8);
            }
        };
    }
}
