package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * A project key as the catalog knows it, without its secret.
 *
 * @param name an optional label chosen by the operator; null when none was given
 */
public record ApiKey(KeyId id, ProjectId projectId, Role role, String name, Instant createdAt, boolean revoked) {

    public ApiKey {
        requireNonNull(id, "id is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(role, "role is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public Optional<String> label() {
        return Optional.ofNullable(name);
    }

    public ApiKey asRevoked() {
        return new ApiKey(id, projectId, role, name, createdAt, true);
    }
}
