package io.cairn.client.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a project key may do: {@link #MASTER} everything, {@link #WRITE} ingest only, {@link #READ} queries only.
 */
public enum KeyRole {
    /** Every operation of the project, including managing its saved queries and dashboards. */
    MASTER,
    /** Ingestion only. */
    WRITE,
    /** Queries only. */
    READ;

    /**
     * The name used on the wire: {@code master}, {@code write} or {@code read}.
     *
     * @return the lowercase wire name; never null
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks up a role by its wire name.
     *
     * @param wireName the name as sent by the server; may be null
     * @return the role, or empty when the name is null or not one this SDK knows (e.g. a role added by a newer server)
     */
    public static Optional<KeyRole> fromWireName(String wireName) {
        for (KeyRole role : values()) {
            if (role.wireName().equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
