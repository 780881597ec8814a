package io.cairn.core.storage.duckdb;

import io.cairn.core.StorageConfig;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.storage.ProjectStore.ReadUnit;
import io.cairn.core.storage.ProjectStore.WriteUnit;
import io.cairn.core.storage.RowBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open DuckDB database file: the root connection that keeps the instance alive, its single {@link
 * DuckDbWriter}, and its pool of {@link DuckDbReaders}. Thread-safe.
 */
final class DuckDbDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbDatabase.class);

    private final String name;
    private final Path file;
    private final DuckDBConnection root;
    private final DuckDbWriter writer;
    private final DuckDbReaders readers;
    private volatile boolean closed;

    private DuckDbDatabase(String name, Path file, DuckDBConnection root, DuckDbWriter writer, DuckDbReaders readers) {
        this.name = name;
        this.file = file;
        this.root = root;
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens (creating when absent) the database file; {@code name} labels threads and log lines. */
    static DuckDbDatabase open(String name, Path file, StorageConfig config) {
        DuckDbNativeLibrary.load();
        DuckDBConnection root = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Properties properties = new Properties();
            properties.setProperty("memory_limit", config.memoryPerDatabase().bytes() / (1024 * 1024) + "MB");
            properties.setProperty("threads", Integer.toString(config.threadsPerDatabase()));
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
            try (Statement statement = root.createStatement()) {
                // Every timestamp Cairn stores is UTC; never let the host's zone leak into SQL.
                statement.execute("SET GLOBAL TimeZone = 'UTC'");
                // Checkpoints rewrite (recompress) the table's open row group; DuckDB's 16 MB default makes steady
                // ingestion redo that work many times over. Idle databases are checkpointed when they close.
                statement.execute("SET GLOBAL checkpoint_threshold = '"
                        + config.checkpointThreshold().bytes() / (1024 * 1024) + "MB'");
            }
            DuckDbWriter writer = new DuckDbWriter(name, root.duplicate(), root.duplicate(), journalOf(file),
                    spareJournalOf(file), config.writeQueueCapacity(), config.writeQueueTimeout(),
                    config.maxWriteBatch());
            DuckDbReaders readers = new DuckDbReaders(root, config.readConnections(), config.writeQueueTimeout());
            log.debug("database opened db={} file={}", name, file);
            return new DuckDbDatabase(name, file, root, writer, readers);
        } catch (RuntimeException e) {
            closeQuietly(root);
            throw e;
        } catch (SQLException | IOException e) {
            closeQuietly(root);
            throw new UnavailableException(ErrorCode.STORAGE_UNAVAILABLE,
                    "cannot open database " + name + " at " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database's append journal, next to its file (see {@link DuckDbWriter})... */
    static Path journalOf(Path file) {
        return Path.of(file + ".journal");
    }

    /** ...and the journal's second file, written while the records of the first are loaded. */
    static Path spareJournalOf(Path file) {
        return Path.of(file + ".journal.2");
    }

    /** Every file a database keeps: its own, DuckDB's write-ahead log, and the journal's two. */
    static List<Path> filesOf(Path file) {
        return List.of(file, Path.of(file + ".wal"), journalOf(file), spareJournalOf(file));
    }

    String name() {
        return name;
    }

    Path file() {
        return file;
    }

    <T> CompletableFuture<T> submit(WriteUnit<T> unit) {
        if (closed) {
            throw closedError();
        }
        return writer.submit(unit);
    }

    CompletableFuture<Void> submitAppend(Map<String, RowBatch> rows) {
        if (closed) {
            throw closedError();
        }
        return writer.submitAppend(rows);
    }

    <T> T read(ReadUnit<T> unit) {
        if (closed) {
            throw closedError();
        }
        writer.awaitLoaded();
        DuckDbStatements connection = readers.acquire();
        boolean healthy = true;
        try {
            return unit.apply(new DuckDbSession(connection));
        } catch (RuntimeException e) {
            healthy = isOpen(connection.connection());
            throw e;
        } finally {
            readers.release(connection, healthy);
        }
    }

    long commits() {
        return writer.commits();
    }

    long backgroundLoads() {
        return writer.backgroundLoads();
    }

    /** Whether a trivial query answers now. */
    boolean isHealthy() {
        if (closed || !writer.isAlive()) {
            return false;
        }
        try {
            return read(session -> session.query("SELECT 1", List.of(), row -> row.longValue(1))).equals(List.of(1L));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Commits what is queued, checkpoints so the next open need not replay a log, and closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        readers.close();
        try (Statement statement = root.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            log.warn("checkpoint at close failed db={} error={}", name, e.toString());
        }
        closeQuietly(root);
        log.debug("database closed db={}", name);
    }

    private UnavailableException closedError() {
        return new UnavailableException(ErrorCode.SHUTTING_DOWN, "database " + name + " is closed");
    }

    private static boolean isOpen(Connection connection) {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a connection failed error={}", e.toString());
        }
    }
}
