package io.cairn.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.time.Instant;
import java.util.List;

/**
 * The admin API's JSON shapes. Kept apart from the model records so that those carry no wire names, and because
 * the wire is flat where the model nests (an issued key is one object holding both the key and its secret).
 * The conversions throw {@link NullPointerException} or {@link IllegalArgumentException} on a missing field or an
 * unknown role, which the transport reports as an unreadable answer.
 */
final class AdminWire {

    private AdminWire() {}

    record NewProject(String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewKey(String role, String name) {}

    record ProjectJson(String id, String name, @JsonProperty("created_at") Instant createdAt) {
        Project toModel() {
            return new Project(id, name, createdAt);
        }
    }

    record ProjectListJson(List<ProjectJson> projects) {
        List<Project> toModel() {
            return projects.stream().map(ProjectJson::toModel).toList();
        }
    }

    /** A key as listed (no secret) or as just issued (with one). */
    record KeyJson(String id, String secret, String role, String name, @JsonProperty("created_at") Instant createdAt,
            boolean revoked) {
        ApiKey toKey() {
            KeyRole keyRole = KeyRole.fromWireName(role)
                    .orElseThrow(() -> new IllegalArgumentException("unknown key role: " + role));
            return new ApiKey(id, keyRole, name, createdAt, revoked);
        }

        IssuedKey toIssued() {
            return new IssuedKey(toKey(), secret);
        }
    }

    record KeyListJson(List<KeyJson> keys) {
        List<ApiKey> toModel() {
            return keys.stream().map(KeyJson::toKey).toList();
        }
    }

    record CreatedProjectJson(String id, String name, @JsonProperty("created_at") Instant createdAt,
            List<KeyJson> keys) {
        CreatedProject toModel() {
            return new CreatedProject(new Project(id, name, createdAt), keys.stream().map(KeyJson::toIssued).toList());
        }
    }
}
