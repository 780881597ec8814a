package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A project, the tenant that owns events, series, tables and keys. Immutable and thread-safe.
 *
 * @param id the project id (24 lowercase hex characters on Cairn); never null
 * @param name the unique name chosen at creation; never null
 * @param createdAt when the project was created; never null
 */
public record Project(String id, String name, Instant createdAt) {

    /**
     * Creates a project value.
     *
     * @throws NullPointerException if any argument is null
     */
    public Project {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
