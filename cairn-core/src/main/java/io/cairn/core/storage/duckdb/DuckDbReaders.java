package io.cairn.core.storage.duckdb;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.UnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of read connections to one database, duplicated from its root connection on demand, each with its
 * kept statements. At most {@code size} readers run at once; more wait for a free connection up to a timeout. The
 * pool is private to its {@link DuckDbDatabase}.
 */
final class DuckDbReaders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbReaders.class);

    private final DuckDBConnection root;
    private final Semaphore permits;
    private final Duration waitTimeout;
    private final ConcurrentLinkedDeque<DuckDbStatements> idle = new ConcurrentLinkedDeque<>();

    DuckDbReaders(DuckDBConnection root, int size, Duration waitTimeout) {
        this.root = root;
        this.permits = new Semaphore(size, true);
        this.waitTimeout = waitTimeout;
    }

    DuckDbStatements acquire() {
        try {
            if (!permits.tryAcquire(waitTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException(ErrorCode.STORAGE_UNAVAILABLE, "all read connections are busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(ErrorCode.SHUTTING_DOWN, "interrupted while waiting for a read connection");
        }
        DuckDbStatements connection = idle.pollFirst();
        if (connection != null) {
            return connection;
        }
        try {
            return new DuckDbStatements(root.duplicate());
        } catch (SQLException e) {
            permits.release();
            throw DuckDbErrors.translate(e, "opening a read connection");
        }
    }

    /** Returns a connection; one that failed mid-use is closed rather than reused. */
    void release(DuckDbStatements connection, boolean healthy) {
        if (healthy) {
            idle.addFirst(connection);
        } else {
            closeQuietly(connection);
        }
        permits.release();
    }

    @Override
    public void close() {
        for (DuckDbStatements connection; (connection = idle.pollFirst()) != null; ) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(DuckDbStatements connection) {
        connection.close();
        try {
            connection.connection().close();
        } catch (SQLException e) {
            log.debug("closing a read connection failed error={}", e.toString());
        }
    }
}
