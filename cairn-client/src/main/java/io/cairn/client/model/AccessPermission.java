package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What a Keen access key may be used for ({@code permitted}). */
public enum AccessPermission {
    /** Adding events; wire name {@code writes}. */
    WRITES("writes"),
    /** Running analyses; wire name {@code queries}. */
    QUERIES("queries"),
    /** Reading saved queries and their results; wire name {@code saved_queries}. */
    SAVED_QUERIES("saved_queries"),
    /** Reading cached queries; wire name {@code cached_queries}. */
    CACHED_QUERIES("cached_queries"),
    /** Reading cached datasets; wire name {@code datasets}. */
    DATASETS("datasets"),
    /** Reading collection schemas; wire name {@code schema}. */
    SCHEMA("schema");

    private final String wireName;

    AccessPermission(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used on the wire, e.g. {@code saved_queries}.
     *
     * @return the wire name; never null
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up a permission by its wire name.
     *
     * @param wireName the name as sent by the server; never null
     * @return the permission; empty when the name is not one of Keen's
     * @throws NullPointerException if {@code wireName} is null
     */
    public static Optional<AccessPermission> fromWireName(String wireName) {
        requireNonNull(wireName, "wireName is null");
        for (AccessPermission permission : values()) {
            if (permission.wireName.equals(wireName)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
