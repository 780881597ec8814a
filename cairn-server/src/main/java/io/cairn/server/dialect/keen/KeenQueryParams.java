package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.server.http.Json;
import io.cairn.server.http.RequestBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An analysis request's parameters, wherever they came from: Keen's Python client sends them in the query string
 * (lists and objects as JSON text), its Java client as a JSON body. Both become one JSON object, so the rest of the
 * handler reads one shape.
 */
final class KeenQueryParams {

    /** Parameters whose query-string value is JSON text when it starts like JSON. */
    private static final List<String> JSON_PARAMETERS = List.of("filters", "timeframe", "group_by", "order_by",
            "analyses", "steps", "property_names", "index_by");

    private final ObjectNode params;

    private KeenQueryParams(ObjectNode params) {
        this.params = params;
    }

    static KeenQueryParams of(Context ctx, RequestBodies bodies) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
            if (!entry.getKey().equals("api_key") && !entry.getValue().isEmpty()) {
                params.set(entry.getKey(), fromQueryString(entry.getKey(), entry.getValue().getFirst()));
            }
        }
        if ("POST".equals(ctx.method().name())) {
            byte[] body = bodies.bytes(ctx);
            if (body.length > 0) {
                RequestBodies.requireJsonContentType(ctx);
                JsonNode json = RequestBodies.parse(body);
                if (!json.isObject()) {
                    throw new InvalidRequestException(ErrorCode.INVALID_JSON, "the query must be a JSON object");
                }
                params.setAll((ObjectNode) json);
            }
        }
        return new KeenQueryParams(params);
    }

    static KeenQueryParams of(JsonNode object) {
        return new KeenQueryParams(object.isObject() ? (ObjectNode) object.deepCopy()
                : JsonNodeFactory.instance.objectNode());
    }

    JsonNode get(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String text(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw InvalidRequestException.field(name, name + " must be a string");
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    Integer integer(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field(name, name + " must be a whole number");
        }
    }

    Double number(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field(name, name + " must be a number");
        }
    }

    boolean flag(String name) {
        JsonNode value = get(name);
        return value != null && (value.asBoolean() || "true".equalsIgnoreCase(value.asText()));
    }

    /** A string or a list of strings, e.g. {@code group_by}. */
    List<String> strings(String name) {
        JsonNode value = get(name);
        List<String> strings = new ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (value.isArray()) {
            value.forEach(item -> strings.add(item.asText()));
        } else if (value.isTextual()) {
            strings.add(value.asText());
        } else {
            throw InvalidRequestException.field(name, name + " must be a string or a list of strings");
        }
        return strings;
    }

    private static JsonNode fromQueryString(String name, String text) {
        String trimmed = text.trim();
        if (JSON_PARAMETERS.contains(name) && (trimmed.startsWith("[") || trimmed.startsWith("{"))) {
            try {
                return Json.MAPPER.readTree(trimmed);
            } catch (JsonProcessingException e) {
                throw InvalidRequestException.field(name, name + " is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
