package io.cairn.core.event;

import io.cairn.core.storage.SqlDialect;
import io.cairn.core.storage.WriteSession;
import java.util.List;

/** The DDL of event tables, spelled by the engine's dialect; every statement is idempotent. */
final class EventTables {

    /** Remembers committed idempotency keys with the report they were answered with. */
    static final String IDEMPOTENCY_TABLE = "cairn_idempotency";

    private final SqlDialect dialect;

    EventTables(SqlDialect dialect) {
        this.dialect = dialect;
    }

    void createIdempotencyTable(WriteSession session) {
        session.execute("CREATE TABLE IF NOT EXISTS " + IDEMPOTENCY_TABLE
                + " (idempotency_key VARCHAR PRIMARY KEY, report VARCHAR NOT NULL, committed_at TIMESTAMP NOT NULL)",
                List.of());
    }

    void createTable(WriteSession session, String table) {
        session.execute("CREATE TABLE IF NOT EXISTS " + dialect.quoteIdentifier(table) + " ("
                + dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN) + " TIMESTAMP NOT NULL, "
                + dialect.quoteIdentifier(CollectionSchema.CREATED_AT_COLUMN) + " TIMESTAMP NOT NULL, "
                + dialect.quoteIdentifier(CollectionSchema.ID_COLUMN) + " VARCHAR NOT NULL)", List.of());
    }

    void addColumns(WriteSession session, String table, List<EventColumn> columns) {
        for (EventColumn column : columns) {
            if (column.type().isStored()) {
                session.execute("ALTER TABLE " + dialect.quoteIdentifier(table) + " ADD COLUMN IF NOT EXISTS "
                        + dialect.quoteIdentifier(column.column()) + " " + dialect.typeName(column.type().columnType()),
                        List.of());
            }
        }
    }

    void dropColumns(WriteSession session, String table, List<EventColumn> columns) {
        for (EventColumn column : columns) {
            if (column.type().isStored()) {
                session.execute("ALTER TABLE " + dialect.quoteIdentifier(table) + " DROP COLUMN IF EXISTS "
                        + dialect.quoteIdentifier(column.column()), List.of());
            }
        }
    }

    void dropTable(WriteSession session, String table) {
        session.execute("DROP TABLE IF EXISTS " + dialect.quoteIdentifier(table), List.of());
    }
}
