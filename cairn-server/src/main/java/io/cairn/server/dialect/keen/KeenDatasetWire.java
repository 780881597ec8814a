package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.dataset.Dataset;
import io.cairn.core.dataset.DatasetQuery;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.server.http.Json;
import io.cairn.server.http.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keen's cached datasets on the wire. A PUT sends {@code {"display_name", "query", "index_by"}}; a definition reads
 * {@code {"project_id", "organization_id", "dataset_name", "display_name", "query", "index_by",
 * "last_scheduled_date", "latest_subtimeframe_available", "milliseconds_behind", "status"}}.
 *
 * <p>Keen's Java client reads a dataset's {@code timezone} and each sub-analysis' {@code percentile} as strings and
 * {@code group_by} as a list, so definitions are stored that way.
 */
final class KeenDatasetWire {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FIELDS = Set.of("query", "index_by", "display_name", "dataset_name",
            "project_id", "organization_id", "last_scheduled_date", "latest_subtimeframe_available",
            "milliseconds_behind", "status");

    private KeenDatasetWire() {}

    /** What a PUT asks to save. */
    record Put(String displayName, JsonNode query, List<String> indexBy) {}

    static Put put(JsonNode body) {
        if (!body.isObject()) {
            throw InvalidRequestException.field("query", "a dataset is a JSON object with query and index_by");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw InvalidRequestException.field(field, "unknown dataset field " + field
                        + "; use query, index_by and display_name");
            }
        });
        JsonNode query = body.get("query");
        if (query == null || !query.isObject()) {
            throw InvalidRequestException.field("query", "a dataset needs a \"query\" object: analysis_type,"
                    + " event_collection, timeframe (relative) and interval");
        }
        JsonNode displayName = body.get("display_name");
        if (displayName != null && !displayName.isNull() && !displayName.isTextual()) {
            throw InvalidRequestException.field("display_name", "display_name must be a string");
        }
        return new Put(displayName == null || displayName.isNull() ? null : displayName.asText(),
                normalized((ObjectNode) query), indexBy(body.get("index_by")));
    }

    private static List<String> indexBy(JsonNode node) {
        List<String> properties = new ArrayList<>();
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            properties.add(node.asText());
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw InvalidRequestException.field("index_by", "index_by must list property names");
                }
                properties.add(item.asText());
            }
        }
        if (properties.isEmpty()) {
            throw InvalidRequestException.missing("index_by");
        }
        return properties;
    }

    private static JsonNode normalized(ObjectNode query) {
        ObjectNode copy = query.deepCopy();
        copy.remove("project_id");
        JsonNode groupBy = copy.get("group_by");
        if (groupBy != null && groupBy.isTextual()) {
            copy.putArray("group_by").add(groupBy.asText());
        }
        JsonNode timezone = copy.get("timezone");
        if (timezone != null && timezone.isNumber()) {
            copy.put("timezone", timezone.asText());
        }
        JsonNode analyses = copy.get("analyses");
        if (analyses != null && analyses.isObject()) {
            analyses.forEach(analysis -> {
                JsonNode percentile = analysis.get("percentile");
                if (analysis.isObject() && percentile != null && percentile.isNumber()) {
                    ((ObjectNode) analysis).put("percentile", percentile.asText());
                }
            });
        }
        return copy;
    }

    static ObjectNode render(Dataset dataset, DatasetQuery query, Optional<Instant> refreshedAt, Instant now) {
        ObjectNode node = NODES.objectNode();
        node.put("project_id", dataset.projectId().value());
        node.putNull("organization_id");
        node.put("dataset_name", dataset.name());
        node.put("display_name", dataset.displayName());
        ObjectNode definition = NODES.objectNode();
        definition.put("project_id", dataset.projectId().value());
        definition.setAll((ObjectNode) dataset.definition());
        node.set("query", definition);
        node.set("index_by", Json.MAPPER.valueToTree(dataset.indexBy()));
        node.put("last_scheduled_date", refreshedAt.map(WireTime::format).orElse(null));
        node.put("latest_subtimeframe_available", refreshedAt.map(at -> WireTime.format(
                query.interval().bucketContaining(at, query.zone(), query.weekStart()).start())).orElse(null));
        if (refreshedAt.isPresent()) {
            node.put("milliseconds_behind", Math.max(0, Duration.between(refreshedAt.get(), now).toMillis()));
        } else {
            node.putNull("milliseconds_behind");
        }
        node.put("status", refreshedAt.isPresent() ? "OK" : "Created");
        return node;
    }

    /**
     * The {@code index_by} of a results request, one value per index property: a JSON object of property to value,
     * or, for a dataset indexed by one property, its value alone. A plain value is read as JSON when it is JSON (so
     * {@code 5} is a number and {@code "5"} a string), else as text.
     */
    static Map<String, Object> indexValues(JsonNode node, List<String> indexBy) {
        if (node == null || node.isNull()) {
            throw InvalidRequestException.missing("index_by");
        }
        if (node.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> values.put(entry.getKey(), scalar(entry.getValue())));
            return values;
        }
        if (indexBy.size() != 1) {
            throw InvalidRequestException.field("index_by", "this dataset is indexed by " + indexBy
                    + "; send index_by as a JSON object with a value for each");
        }
        return Map.of(indexBy.getFirst(), node.isTextual() ? textValue(node.asText()) : scalar(node));
    }

    private static Object textValue(String text) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            if (parsed != null && parsed.isValueNode() && !parsed.isNull()) {
                return scalar(parsed);
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself is the value
        }
        return text;
    }

    private static Object scalar(JsonNode value) {
        if (!value.isValueNode()) {
            throw InvalidRequestException.field("index_by", "index_by values must be strings, numbers or booleans");
        }
        return Json.MAPPER.convertValue(value, Object.class);
    }
}
