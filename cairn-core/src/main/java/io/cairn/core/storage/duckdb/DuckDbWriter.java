package io.cairn.core.storage.duckdb;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.storage.ProjectStore.WriteUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one database: a thread that drains a bounded queue of write units and group-commits them.
 *
 * <p>Each round takes every unit waiting (up to {@code maxBatch}), applies them in one transaction and commits
 * once; then completes their futures. If any unit fails, the transaction is rolled back and the units are re-run
 * one transaction each, so that one bad unit fails alone. The queue is bounded: submitters wait for room up to a
 * timeout (back-pressure), then get a 503-kind error.
 *
 * <p>The queue, the thread and the writer connection are private to this class.
 */
final class DuckDbWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbWriter.class);
    private static final long POLL_MILLIS = 50;

    private record Task<T>(WriteUnit<T> unit, CompletableFuture<T> done) {

        void run(DuckDbSession session, List<Runnable> completions) {
            T result = unit.apply(session);
            completions.add(() -> done.complete(result));
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    private final String name;
    private final Connection connection;
    private final DuckDbStatements statements;
    private final DuckDbSession session;
    private final BlockingQueue<Task<?>> queue;
    private final Duration offerTimeout;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closing;
    private final LongAdder commits = new LongAdder();

    DuckDbWriter(String name, Connection connection, int capacity, Duration offerTimeout, int maxBatch)
            throws SQLException {
        this.name = name;
        this.connection = connection;
        this.connection.setAutoCommit(false);
        DuckDbBulkLoad.register(connection);
        this.connection.commit();
        this.statements = new DuckDbStatements(connection);
        this.session = new DuckDbSession(statements);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.offerTimeout = offerTimeout;
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name("cairn-writer-" + name).daemon().start(this::loop);
    }

    <T> CompletableFuture<T> submit(WriteUnit<T> unit) {
        if (closing) {
            throw closed();
        }
        Task<T> task = new Task<>(unit, new CompletableFuture<>());
        try {
            if (!queue.offer(task, offerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException(ErrorCode.WRITE_QUEUE_FULL,
                        "too many writes are waiting for this database; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(ErrorCode.SHUTTING_DOWN, "interrupted while queueing a write", e);
        }
        return task.done();
    }

    /** Commits so far; fewer than units written when group commit is doing its job. */
    long commits() {
        return commits.sum();
    }

    boolean isAlive() {
        return thread.isAlive() && !closing;
    }

    /** Stops taking writes, commits everything already queued, then returns. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A submit that raced with closing may have slipped in after the last round.
        for (Task<?> task; (task = queue.poll()) != null; ) {
            task.fail(closed());
        }
        statements.close();
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the writer connection failed db={} error={}", name, e.toString());
        }
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Task<?> first;
            try {
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            commitTogether(batch);
            batch.clear();
        }
    }

    private void commitTogether(List<Task<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            for (Task<?> task : batch) {
                task.run(session, completions);
            }
            session.flushAppends();
            connection.commit();
            commits.increment();
        } catch (Throwable failure) {
            rollback();
            if (batch.size() == 1) {
                batch.getFirst().fail(asCairn(failure));
            } else {
                log.debug("group commit failed, retrying one by one db={} units={}", name, batch.size());
                for (Task<?> task : batch) {
                    commitTogether(List.of(task));
                }
            }
            return;
        }
        completions.forEach(Runnable::run);
    }

    private void rollback() {
        session.discardAppends();
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed db={} error={}", name, e.toString());
        }
    }

    private static Throwable asCairn(Throwable failure) {
        if (failure instanceof CairnException) {
            return failure;
        }
        if (failure instanceof SQLException sql) {
            return DuckDbErrors.translate(sql, "committing");
        }
        return new InternalException(ErrorCode.INTERNAL, "write failed", failure);
    }

    private UnavailableException closed() {
        return new UnavailableException(ErrorCode.SHUTTING_DOWN, "database " + name + " is closing");
    }
}
