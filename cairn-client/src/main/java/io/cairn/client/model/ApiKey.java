package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A project key as listed by the admin API, without its secret. Immutable and thread-safe.
 *
 * @param id the key id (32 lowercase hex characters on Cairn); never null
 * @param role what the key may do; never null
 * @param name the label given at creation; null when none was given
 * @param createdAt when the key was issued; never null
 * @param revoked whether the key has been revoked and is no longer accepted
 */
public record ApiKey(String id, KeyRole role, String name, Instant createdAt, boolean revoked) {

    /**
     * Creates a key value.
     *
     * @throws NullPointerException if {@code id}, {@code role} or {@code createdAt} is null
     */
    public ApiKey {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
