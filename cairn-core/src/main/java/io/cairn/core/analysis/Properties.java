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
     * types, its {@link #text}. NULL when the path was never stored.
     */
    static String value(CollectionSchema schema, String path, SqlDialect dialect) {
        List<Stored> columns = columns(schema, path, dialect);
        if (columns.isEmpty()) {
            return "NULL";
        }
        return columns.size() == 1 ? typed(columns.getFirst(), dialect) : text(schema, path, dialect);
    }

    /**
     * The path's value as text, from whichever of its columns holds it: numbers as events write them (5, not 5.0, so
     * that the number 5 and the string "5" are one text), date-times as ISO text. NULL when the path was never
     * stored.
     */
    static String text(CollectionSchema schema, String path, SqlDialect dialect) {
        List<String> texts = new ArrayList<>();
        for (Stored column : columns(schema, path, dialect)) {
            texts.add(switch (column.type()) {
                case DATETIME -> typed(column, dialect);
                case NUMBER -> numberText(column.sql());
                default -> "CAST(" + column.sql() + " AS VARCHAR)";
            });
        }
        return switch (texts.size()) {
            case 0 -> "CAST(NULL AS VARCHAR)";
            case 1 -> texts.getFirst();
            default -> "COALESCE(" + String.join(", ", texts) + ")";
        };
    }

    /** Numbers are stored as doubles, which the engine writes with a fraction even when whole. */
    private static String numberText(String number) {
        return "CASE WHEN " + number + " = trunc(" + number + ") AND abs(" + number + ") < 1e15 THEN CAST(CAST("
                + number + " AS BIGINT) AS VARCHAR) ELSE CAST(" + number + " AS VARCHAR) END";
    }

    /** Date-times leave the engine in the wire's one form: UTC, milliseconds, {@code Z}. */
    private static String typed(Stored column, SqlDialect dialect) {
        return column.type() == PropertyType.DATETIME ? dialect.formatTimestamp(column.sql()) : column.sql();
    }
}
