package io.cairn.core.storage.duckdb;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.storage.ProjectStore.WriteUnit;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.WriteSession;
import io.cairn.core.storage.journal.AppendCodec;
import io.cairn.core.storage.journal.AppendJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>A round made only of small appends skips DuckDB: a DuckDB commit costs milliseconds of fixed work however few
 * rows it holds, which capped single-event ingestion at a couple of thousand a second. Those rounds are written to
 * the database's {@link AppendJournal} and forced to disk (a fraction of a millisecond), acknowledged, and kept in
 * memory until they are loaded into DuckDB in one transaction: when enough rows or bytes are waiting, when the
 * oldest has waited {@link #LOAD_AFTER_NANOS}, when the queue falls idle, and before any other unit or read runs
 * (see {@link #awaitLoaded()}), so that nothing observes the database without them. That transaction also records
 * the highest journal record it holds in {@value #JOURNAL_TABLE}; on open, the records above it are replayed.
 *
 * <p>The queue, the thread, the journal and the writer connection are private to this class.
 */
final class DuckDbWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbWriter.class);
    private static final long POLL_MILLIS = 50;
    /** Rounds of appends with fewer rows go through the journal; larger ones already amortize a DuckDB commit. */
    static final int JOURNAL_ROUND_ROWS = 1024;
    /** Journaled rows waiting for DuckDB are loaded once there are this many... */
    static final int LOAD_ROWS = 50_000;
    /** ...or once their journal records hold this many bytes (bounds the memory they take)... */
    static final long LOAD_BYTES = 32L << 20;
    /** ...or once the oldest has waited this long. */
    static final long LOAD_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** One row: the highest journal record number whose rows the database holds. */
    static final String JOURNAL_TABLE = "cairn_journal";

    /** Rows for tables, and their journal payload when they are few enough to be journaled. */
    private record Appends(Map<String, RowBatch> rows, int rowCount, byte[] payload) {

        static Appends of(Map<String, RowBatch> rows) {
            int count = rowCount(rows);
            return new Appends(rows, count, count < JOURNAL_ROUND_ROWS ? AppendCodec.encode(rows) : null);
        }

        /** Appends read back from the journal at open. */
        static Appends replayed(byte[] payload) throws IOException {
            Map<String, RowBatch> rows = AppendCodec.decode(payload);
            return new Appends(rows, rowCount(rows), payload);
        }

        private static int rowCount(Map<String, RowBatch> rows) {
            return rows.values().stream().mapToInt(RowBatch::size).sum();
        }

        void applyTo(WriteSession session) {
            rows.forEach(session::append);
        }
    }

    private record Task<T>(WriteUnit<T> unit, CompletableFuture<T> done, Appends appends) {

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
    private final AppendJournal journal;
    private final BlockingQueue<Task<?>> queue;
    private final Duration offerTimeout;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closing;
    private final LongAdder commits = new LongAdder();

    /** Journaled appends not loaded into DuckDB yet, oldest first. Writer thread only, but for the count below. */
    private final List<Appends> unloaded = new ArrayList<>();
    /** Rows in {@link #unloaded}; read by other threads to know whether a read must wait for a load. */
    private volatile int unloadedRows;
    private long unloadedBytes;
    private long oldestUnloadedNanos;
    /** The highest journal record number given out, and the highest one the database holds. */
    private long lastRecord;
    private long loadedRecord;
    /** False while the journal may hold a torn record that later ones would hide: small appends then commit. */
    private boolean journalUsable = true;

    DuckDbWriter(String name, Connection connection, Path journalFile, int capacity, Duration offerTimeout,
            int maxBatch) throws SQLException, IOException {
        this.name = name;
        this.connection = connection;
        this.connection.setAutoCommit(false);
        DuckDbBulkLoad.register(connection);
        this.connection.commit();
        this.statements = new DuckDbStatements(connection);
        this.session = new DuckDbSession(statements);
        this.journal = AppendJournal.open(journalFile);
        try {
            replayJournal();
        } catch (SQLException | IOException | RuntimeException e) {
            journal.close();
            statements.close();
            throw e;
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.offerTimeout = offerTimeout;
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name("cairn-writer-" + name).daemon().start(this::loop);
    }

    <T> CompletableFuture<T> submit(WriteUnit<T> unit) {
        return enqueue(new Task<>(unit, new CompletableFuture<>(), null));
    }

    /** Queues appends; their future completes once they are durable, in the journal or in DuckDB. */
    CompletableFuture<Void> submitAppend(Map<String, RowBatch> rows) {
        Appends appends = Appends.of(rows);
        return enqueue(new Task<Void>(session -> {
            appends.applyTo(session);
            return null;
        }, new CompletableFuture<>(), appends));
    }

    /** Returns once every append acknowledged so far is in DuckDB: reads call it first, to see them. */
    void awaitLoaded() {
        if (unloadedRows == 0) {
            return;
        }
        try {
            submit(session -> null).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof CairnException cairn ? cairn
                    : new InternalException(ErrorCode.STORAGE_FAILURE, "loading journaled appends failed", e.getCause());
        }
    }

    private <T> CompletableFuture<T> enqueue(Task<T> task) {
        if (closing) {
            throw closed();
        }
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

    /** Stops taking writes, commits everything already queued and journaled, then returns. */
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
        try {
            journal.close();
        } catch (IOException e) {
            log.debug("closing the journal failed db={} error={}", name, e.toString());
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
                // Idle: a good time to load what waits; and a close loads it before the thread ends. Rows that fail
                // to load stay in the journal, which the next open replays.
                loadQuietly();
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            if (journalUsable && isSmallAppendRound(batch)) {
                journalTogether(batch);
            } else {
                loadThenCommitTogether(batch);
            }
            batch.clear();
            if (unloadedRows >= LOAD_ROWS || unloadedBytes >= LOAD_BYTES
                    || unloadedRows > 0 && System.nanoTime() - oldestUnloadedNanos >= LOAD_AFTER_NANOS) {
                loadQuietly();
            }
        }
    }

    private static boolean isSmallAppendRound(List<Task<?>> batch) {
        int rows = 0;
        for (Task<?> task : batch) {
            if (task.appends() == null || task.appends().payload() == null) {
                return false;
            }
            rows += task.appends().rowCount();
        }
        return rows < JOURNAL_ROUND_ROWS;
    }

    /** Writes the round's appends to the journal, forces it, and acknowledges them; DuckDB loads them later. */
    private void journalTogether(List<Task<?>> batch) {
        List<Task<?>> accepted = new ArrayList<>(batch.size());
        for (Task<?> task : batch) {
            try {
                // What would fail the load later must fail the append now, while it can still be refused.
                task.appends().rows().forEach(session::checkAppendable);
                accepted.add(task);
            } catch (RuntimeException e) {
                task.fail(asCairn(e));
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        List<AppendJournal.Entry> records = new ArrayList<>(accepted.size());
        for (Task<?> task : accepted) {
            records.add(new AppendJournal.Entry(++lastRecord, task.appends().payload()));
        }
        try {
            journal.append(records);
            journal.force();
        } catch (IOException e) {
            // Whatever reached the file is numbered at most lastRecord, which the load below records as loaded; the
            // load then rewinds the file, and the journal is usable again if that works.
            log.warn("journal write failed, committing to the database instead db={} error={}", name, e.toString());
            journalUsable = false;
            loadThenCommitTogether(accepted);
            return;
        }
        if (unloaded.isEmpty()) {
            oldestUnloadedNanos = System.nanoTime();
        }
        int rows = unloadedRows;
        for (Task<?> task : accepted) {
            unloaded.add(task.appends());
            rows += task.appends().rowCount();
            unloadedBytes += task.appends().payload().length;
        }
        unloadedRows = rows;
        for (Task<?> task : accepted) {
            task.done().complete(null);
        }
    }

    /** Loads what the journal holds first, so that nothing runs before appends acknowledged earlier. */
    private void loadThenCommitTogether(List<Task<?>> batch) {
        try {
            load();
        } catch (RuntimeException e) {
            Throwable failure = asCairn(e);
            batch.forEach(task -> task.fail(failure));
            return;
        }
        commitTogether(batch);
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

    private void loadQuietly() {
        try {
            load();
        } catch (RuntimeException e) {
            log.warn("loading journaled appends failed, will retry db={} rows={} error={}", name, unloadedRows,
                    e.toString());
        }
    }

    /**
     * Loads every journaled append into DuckDB in one transaction that also records the last journal record number,
     * then rewinds the journal. On failure everything stays as it was (in memory and in the journal).
     */
    private void load() {
        if (loadedRecord == lastRecord && journalUsable) {
            return;
        }
        try {
            for (Appends appends : unloaded) {
                appends.applyTo(session);
            }
            session.execute("UPDATE " + JOURNAL_TABLE + " SET loaded_through = ?", List.of(lastRecord));
            connection.commit();
            commits.increment();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e instanceof SQLException sql ? DuckDbErrors.translate(sql, "loading journaled appends")
                    : (RuntimeException) e;
        }
        loadedRecord = lastRecord;
        unloaded.clear();
        unloadedRows = 0;
        unloadedBytes = 0;
        try {
            journal.reset();
            journalUsable = true;
        } catch (IOException e) {
            // Replay skips what it holds (every record is at most loaded_through), but new records must not follow a
            // torn one: commit small appends until the file can be rewound.
            journalUsable = false;
            log.warn("rewinding the journal failed db={} file={} error={}", name, journal.file(), e.toString());
        }
    }

    /** At open: loads the journal's records that the database does not hold yet (a crash came before their load). */
    private void replayJournal() throws SQLException, IOException {
        session.execute("CREATE TABLE IF NOT EXISTS " + JOURNAL_TABLE + " (loaded_through BIGINT NOT NULL)", List.of());
        session.execute("INSERT INTO " + JOURNAL_TABLE + " SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM " + JOURNAL_TABLE
                + ")", List.of());
        connection.commit();
        loadedRecord = session.queryOne("SELECT loaded_through FROM " + JOURNAL_TABLE, List.of(),
                row -> row.longValue(1)).orElseThrow();
        lastRecord = loadedRecord;
        int replayed = 0;
        for (AppendJournal.Entry entry : journal.entries()) {
            if (entry.number() > loadedRecord) {
                unloaded.add(Appends.replayed(entry.payload()));
                replayed++;
            }
            lastRecord = Math.max(lastRecord, entry.number());
        }
        if (replayed > 0) {
            log.info("replaying journaled appends db={} records={}", name, replayed);
        }
        load();
        journal.reset();
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
