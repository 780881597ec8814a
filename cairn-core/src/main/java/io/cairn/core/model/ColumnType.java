package io.cairn.core.model;

/** The value types Cairn stores in columns; each engine's SQL dialect names them. */
public enum ColumnType {
    VARCHAR,
    DOUBLE,
    BIGINT,
    BOOLEAN,
    /** An instant, stored in UTC with microsecond precision. */
    TIMESTAMP,
    /** JSON text (lists and other structured values). */
    JSON
}
