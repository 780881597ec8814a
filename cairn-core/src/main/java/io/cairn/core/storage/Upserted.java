package io.cairn.core.storage;

import static java.util.Objects.requireNonNull;

/** What a create-or-replace stored, and whether it created it. */
public record Upserted<T>(T value, boolean created) {

    public Upserted {
        requireNonNull(value, "value is null");
    }
}
