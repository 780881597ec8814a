package io.cairn.core.project;

import java.util.Locale;
import java.util.Optional;

/**
 * What a key may do, finer than its role: access keys and scoped keys carry a set of these. A project key's role
 * implies them ({@link Role#permits(Permission)}).
 */
public enum Permission {
    /** Record events. */
    WRITES,
    /** Run analyses. */
    QUERIES,
    /** Read saved queries and their results. */
    SAVED_QUERIES,
    /** Read cached queries' results. */
    CACHED_QUERIES,
    /** Read cached datasets' results. */
    DATASETS,
    /** Read collection schemas. */
    SCHEMA;

    /** The wire name, e.g. {@code saved_queries}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromId(String id) {
        for (Permission permission : values()) {
            if (permission.id().equals(id)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
