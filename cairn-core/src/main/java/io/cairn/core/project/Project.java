package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.ProjectId;
import java.time.Instant;

/** A tenant: its data lives apart from every other project's. */
public record Project(ProjectId id, String name, Instant createdAt) {

    public Project {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
