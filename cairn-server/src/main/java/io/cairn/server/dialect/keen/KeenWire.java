package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventError;
import io.cairn.core.event.IngestReport;
import io.cairn.core.event.PropertyType;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.ProjectId;
import io.cairn.server.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keen's JSON shapes: the batch envelope, batch results, collection schemas, and filter lists. */
final class KeenWire {

    static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private KeenWire() {}

    /** {@code {"coll": [{"success": true}, {"success": false, "error": {"name", "description"}}], ...}}. */
    static byte[] batchResults(IngestReport report) {
        Map<String, List<EventError>> merged = new LinkedHashMap<>();
        for (IngestReport.CollectionResults results : report.collections()) {
            merged.computeIfAbsent(results.collection(), c -> new ArrayList<>()).addAll(results.errors());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 20 * report.collections().size());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, List<EventError>> entry : merged.entrySet()) {
                json.writeArrayFieldStart(entry.getKey());
                for (EventError error : entry.getValue()) {
                    json.writeStartObject();
                    json.writeBooleanField("success", error == null);
                    if (error != null) {
                        json.writeObjectFieldStart("error");
                        json.writeStringField("name", KeenErrors.invalidName(error.code()));
                        json.writeStringField("description", error.message());
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A collection as {@code GET /events} lists it. */
    record CollectionBody(String name, Map<String, String> properties, String url) {
        static CollectionBody of(ProjectId projectId, CollectionSchema schema) {
            Map<String, String> properties = new LinkedHashMap<>();
            schema.properties().forEach((path, type) -> properties.put(path, typeName(type)));
            return new CollectionBody(schema.name(), properties,
                    "/3.0/projects/" + projectId + "/events/" + schema.name());
        }
    }

    static String typeName(PropertyType type) {
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "num";
            case BOOLEAN -> "bool";
            case DATETIME -> "datetime";
            case LIST -> "list";
            case NULL -> "null";
        };
    }

    /** Keen filters: a JSON list of {@code {"property_name", "operator", "property_value"}}. */
    static List<Filter> filters(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalidFilters("filters must be a JSON list of {\"property_name\", \"operator\", \"property_value\"}");
        }
        List<Filter> filters = new ArrayList<>();
        for (JsonNode node : list) {
            String property = node.path("property_name").asText(null);
            String operatorName = node.path("operator").asText("");
            FilterOperator operator = FilterOperator.fromId(operatorName).orElseThrow(() ->
                    invalidFilters("unknown filter operator '" + operatorName + "'; use one of eq, ne, lt, lte, gt, gte,"
                            + " exists, in, contains, not_contains, starts_with, regex, within"));
            filters.add(Filter.of(property, operator, Json.MAPPER.convertValue(node.get("property_value"),
                    Object.class)));
        }
        return filters;
    }

    /** Filters given as text, the way query strings carry them. */
    static List<Filter> filters(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return filters(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw invalidFilters("filters is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static InvalidRequestException invalidFilters(String message) {
        return new InvalidRequestException(ErrorCode.INVALID_FILTER, message, Map.of("field", "filters"));
    }
}
