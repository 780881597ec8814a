package io.cairn.core.project;

import java.util.Locale;
import java.util.Optional;

/** What a key may do: {@code master} everything, {@code write} ingest only, {@code read} queries only. */
public enum Role {
    MASTER,
    WRITE,
    READ;

    /** Whether a key with this role may do what {@code required} allows. */
    public boolean permits(Role required) {
        return this == MASTER || this == required;
    }

    /** Whether a project key with this role may do what {@code permission} allows. */
    public boolean permits(Permission permission) {
        return switch (this) {
            case MASTER -> true;
            case WRITE -> permission == Permission.WRITES;
            case READ -> permission != Permission.WRITES;
        };
    }

    /** The wire name: {@code master}, {@code write}, {@code read}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
