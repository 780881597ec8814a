package io.cairn.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.project.ApiKey;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.IssuedKey;
import io.cairn.core.project.Project;
import io.cairn.core.project.Role;
import io.cairn.server.http.WireTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The admin API's JSON shapes, and reading its request bodies. */
final class AdminWire {

    private AdminWire() {}

    record ProjectBody(String id, String name, @JsonProperty("created_at") String createdAt) {
        static ProjectBody of(Project project) {
            return new ProjectBody(project.id().value(), project.name(), WireTime.format(project.createdAt()));
        }
    }

    record ProjectList(List<ProjectBody> projects) {}

    record KeyBody(String id, String role, String name, @JsonProperty("created_at") String createdAt,
            boolean revoked) {
        static KeyBody of(ApiKey key) {
            return new KeyBody(key.id().value(), key.role().id(), key.name(), WireTime.format(key.createdAt()),
                    key.revoked());
        }
    }

    record KeyList(List<KeyBody> keys) {}

    /** A key with its secret: only in the answer that created it. */
    record IssuedKeyBody(String id, String secret, String role, String name,
            @JsonProperty("created_at") String createdAt, boolean revoked) {
        static IssuedKeyBody of(IssuedKey issued) {
            ApiKey key = issued.key();
            return new IssuedKeyBody(key.id().value(), issued.secret(), key.role().id(), key.name(),
                    WireTime.format(key.createdAt()), key.revoked());
        }
    }

    record CreatedProjectBody(String id, String name, @JsonProperty("created_at") String createdAt,
            List<IssuedKeyBody> keys) {
        static CreatedProjectBody of(CreatedProject created) {
            Project project = created.project();
            return new CreatedProjectBody(project.id().value(), project.name(),
                    WireTime.format(project.createdAt()), created.keys().stream().map(IssuedKeyBody::of).toList());
        }
    }

    /** {@code {"name": "acme"}}. */
    static String projectName(JsonNode body) {
        requireObject(body);
        return optionalString(body, "name");
    }

    /** {@code {"role": "read", "name": "dash"}}; the name is optional. */
    record KeyRequest(Role role, String name) {}

    static KeyRequest keyRequest(JsonNode body) {
        requireObject(body);
        String role = optionalString(body, "role");
        if (role == null) {
            throw InvalidRequestException.missing("role");
        }
        Role parsed = Role.fromId(role).orElseThrow(() -> InvalidRequestException.field("role",
                "role must be one of " + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))));
        return new KeyRequest(parsed, optionalString(body, "name"));
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidRequestException(ErrorCode.INVALID_JSON,
                    "the request body must be a JSON object");
        }
    }

    private static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidRequestException.field(field, field + " must be a string");
        }
        return value.textValue();
    }
}
