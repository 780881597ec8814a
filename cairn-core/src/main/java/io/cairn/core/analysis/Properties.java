package io.cairn.core.analysis;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.PropertyType;
import io.cairn.core.storage.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL expressions for a property path of a collection: its number column (for arithmetic metrics), and its value
 * (for groups, distinct counts, extraction) across every type it was stored with.
 */
final class Properties {

    private Properties() {}

    record Stored(String sql, PropertyType type) {}

    static List<Stored> columns(CollectionSchema schema, String path, SqlDialect dialect) {
        return switch (path) {
            case CollectionSchema.TIMESTAMP_PATH -> List.of(new Stored(dialect.quoteIdentifier(
                    CollectionSchema.TIMESTAMP_COLUMN), PropertyType.DATETIME));
            case CollectionSchema.CREATED_AT_PATH -> List.of(new Stored(dialect.quoteIdentifier(
                    CollectionSchema.CREATED_AT_COLUMN), PropertyType.DATETIME));
            case CollectionSchema.ID_PATH -> List.of(new Stored(dialect.quoteIdentifier(CollectionSchema.ID_COLUMN),
                    PropertyType.STRING));
            default -> {
                List<Stored> stored = new ArrayList<>();
                for (EventColumn column : schema.columnsOf(path)) {
                    stored.add(new Stored(dialect.quoteIdentifier(column.column()), column.type()));
                }
                yield stored;
            }
        };
    }

    /** The number column of a path, if it has one. */
    static Optional<String> number(CollectionSchema schema, String path, SqlDialect dialect) {
        return columns(schema, path, dialect).stream().filter(c -> c.type() == PropertyType.NUMBER)
                .map(Stored::sql).findFirst();
    }

    /**
     * The path's value: its one column as typed (date-times as ISO text), or, for a path stored with several
     * types, the first non-null of them as text. NULL when the path was never stored.
     */
    static String value(CollectionSchema schema, String path, SqlDialect dialect) {
        List<Stored> columns = columns(schema, path, dialect);
        if (columns.isEmpty()) {
            return "NULL";
        }
        if (columns.size() == 1) {
            return typed(columns.getFirst(), dialect);
        }
        List<String> texts = new ArrayList<>();
        for (Stored column : columns) {
            texts.add(column.type() == PropertyType.DATETIME ? typed(column, dialect)
                    : "CAST(" + column.sql() + " AS VARCHAR)");
        }
        return "COALESCE(" + String.join(", ", texts) + ")";
    }

    /** Date-times leave the engine in the wire's one form: UTC, milliseconds, {@code Z}. */
    private static String typed(Stored column, SqlDialect dialect) {
        return column.type() == PropertyType.DATETIME ? dialect.formatTimestamp(column.sql()) : column.sql();
    }
}
