package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

/**
 * Where one (property path, type) pair of a collection is stored.
 *
 * @param column the table column holding the values; null for {@link PropertyType#NULL}, which is never stored
 */
public record EventColumn(String path, PropertyType type, String column) {

    public EventColumn {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        if (type.isStored() != (column != null)) {
            throw new IllegalArgumentException("a stored type needs a column, a null type has none: " + path);
        }
    }
}
