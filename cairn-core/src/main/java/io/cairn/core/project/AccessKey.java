package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.time.Instant;

/**
 * An access key as its project's master key holder sees it: with its secret, because Keen shows access keys'
 * values to the master key (they are created to be handed out), and the API addresses them by that value.
 *
 * @param id      Cairn's own id for the key, used in logs and as the principal's key id; Keen's wire never shows it
 * @param secret  the key itself, 64 hex characters
 */
public record AccessKey(KeyId id, ProjectId projectId, String secret, AccessKeySpec spec, Instant createdAt,
        Instant updatedAt) {

    public AccessKey {
        requireNonNull(id, "id is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(secret, "secret is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", project=" + projectId + ", secret=***, spec=" + spec + "]";
    }
}
