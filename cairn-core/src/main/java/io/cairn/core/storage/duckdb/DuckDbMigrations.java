package io.cairn.core.storage.duckdb;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnavailableException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-only schema migrations of one database, recorded in its {@code cairn_schema_version} table. Each
 * migration runs in its own transaction with its version row, so a crash mid-way leaves the previous version.
 */
final class DuckDbMigrations {

    private static final Logger log = LoggerFactory.getLogger(DuckDbMigrations.class);

    /** One step: the version it brings the schema to, what it does, and its statements. */
    record Migration(int version, String description, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }

    private DuckDbMigrations() {}

    /** Applies every migration newer than the database's version; refuses a database newer than this code. */
    static int migrate(DuckDbDatabase database, List<Migration> migrations) {
        int known = migrations.isEmpty() ? 0 : migrations.getLast().version();
        database.submit(session -> session.execute("CREATE TABLE IF NOT EXISTS cairn_schema_version ("
                + "version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
                List.of())).join();
        int current = database.read(session -> session.query(
                "SELECT coalesce(max(version), 0) FROM cairn_schema_version", List.of(),
                row -> row.longValue(1).intValue())).getFirst();
        if (current > known) {
            throw new UnavailableException(ErrorCode.STORAGE_UNAVAILABLE, "database " + database.name()
                    + " has schema version " + current + " but this Cairn knows only up to " + known
                    + "; run a newer Cairn on this data directory");
        }
        for (Migration migration : migrations) {
            if (migration.version() <= current) {
                continue;
            }
            database.submit(session -> {
                for (String statement : migration.statements()) {
                    session.execute(statement, List.of());
                }
                session.execute("INSERT INTO cairn_schema_version VALUES (?, ?, ?)",
                        List.of(migration.version(), migration.description(), Instant.now()));
                return null;
            }).join();
            log.info("schema migrated db={} version={} change=\"{}\"", database.name(), migration.version(),
                    migration.description());
            current = migration.version();
        }
        return current;
    }
}
