package io.cairn.core.event;

import io.cairn.core.model.ColumnType;

/** The type of an event property's value; one property path may hold several types over time. */
public enum PropertyType {
    STRING(ColumnType.VARCHAR),
    NUMBER(ColumnType.DOUBLE),
    BOOLEAN(ColumnType.BOOLEAN),
    /** A string that is an ISO-8601 date and time, stored as an instant. */
    DATETIME(ColumnType.TIMESTAMP),
    /** A JSON array, stored as JSON text. */
    LIST(ColumnType.JSON),
    /** Only ever seen as null: listed in the schema, stored nowhere. */
    NULL(null);

    private final ColumnType columnType;

    PropertyType(ColumnType columnType) {
        this.columnType = columnType;
    }

    /** The column type that stores values of this type; null for {@link #NULL}. */
    public ColumnType columnType() {
        return columnType;
    }

    public boolean isStored() {
        return columnType != null;
    }
}
