package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.project.AccessKey;
import io.cairn.core.project.AccessKeySpec;
import io.cairn.core.project.Permission;
import io.cairn.server.http.Json;
import io.cairn.server.http.WireTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Keen's access key JSON: the body of create and update, and the key object every {@code /keys} route answers. */
final class KeenKeysWire {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final String PERMISSIONS = Arrays.stream(Permission.values()).map(Permission::id)
            .collect(Collectors.joining(", "));

    private KeenKeysWire() {}

    /**
     * {@code {"name": "...", "is_active": true, "permitted": ["writes", ...], "options": {...}}}: the name is
     * required; {@code is_active} defaults to true, {@code permitted} to none and {@code options} to none.
     */
    static AccessKeySpec spec(JsonNode body) {
        if (!body.isObject()) {
            throw InvalidRequestException.field("body",
                    "an access key is a JSON object with name, is_active, permitted and options");
        }
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            throw InvalidRequestException.missing("name");
        }
        if (!name.isTextual()) {
            throw InvalidRequestException.field("name", "name must be a string");
        }
        return new AccessKeySpec(name.textValue(), active(body.get("is_active")), permitted(body.get("permitted")),
                options(body.get("options")));
    }

    private static boolean active(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw InvalidRequestException.field("is_active", "is_active must be true or false");
        }
        return value.booleanValue();
    }

    private static Set<Permission> permitted(JsonNode value) {
        Set<Permission> permitted = EnumSet.noneOf(Permission.class);
        if (value == null || value.isNull()) {
            return permitted;
        }
        if (!value.isArray()) {
            throw InvalidRequestException.field("permitted", "permitted must be a list of " + PERMISSIONS);
        }
        for (JsonNode item : value) {
            permitted.add(Permission.fromId(item.isTextual() ? item.textValue() : "").orElseThrow(() ->
                    InvalidRequestException.field("permitted", "unknown permission " + item + "; permitted may"
                            + " hold " + PERMISSIONS)));
        }
        return permitted;
    }

    private static Map<String, Object> options(JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw InvalidRequestException.field("options", "options must be a JSON object");
        }
        return Json.MAPPER.convertValue(value, OBJECT);
    }

    /**
     * An access key as Keen shows it to the master key, value included. {@code project_id}, {@code created_date}
     * and {@code last_modified_date} are Cairn's additions; Keen's clients read only the first five fields.
     */
    record KeyBody(String key, String name, @JsonProperty("is_active") boolean active, List<String> permitted,
            Map<String, Object> options, @JsonProperty("project_id") String projectId,
            @JsonProperty("created_date") String createdDate,
            @JsonProperty("last_modified_date") String lastModifiedDate) {
        static KeyBody of(AccessKey key) {
            AccessKeySpec spec = key.spec();
            return new KeyBody(key.secret(), spec.name(), spec.active(),
                    spec.permitted().stream().sorted().map(Permission::id).toList(), spec.options(),
                    key.projectId().value(), WireTime.format(key.createdAt()), WireTime.format(key.updatedAt()));
        }
    }
}
