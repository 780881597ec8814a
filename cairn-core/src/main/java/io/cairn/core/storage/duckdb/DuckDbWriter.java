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
import io.cairn.core.storage.journal.JournalPair;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * the database's journal and forced to disk (a fraction of a millisecond), acknowledged, and kept in memory until
 * they are loaded into DuckDB in one transaction that also records the highest journal record it holds in
 * {@value #JOURNAL_TABLE}; on open, the records above it are replayed.
 *
 * <p>Loads run in the background, on a loader thread with its own connection, so that appends are not held up while
 * one runs: when enough rows or bytes are waiting or the oldest has waited {@link #LOAD_AFTER_NANOS}, the writer
 * switches to the other file of its {@link JournalPair} and hands the rows of the first to the loader. One load at
 * a time: the next switch would overwrite the file the current load reads. Before any other unit runs, and before
 * any read (see {@link #awaitLoaded()}), the writer waits for the load in flight and loads the rest itself, so that
 * nothing observes the database without the appends acknowledged before.
 *
 * <p>The queue, the threads, the journal and the connections are private to this class.
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
    /**
     * ...or once the oldest has waited this long. Loads no longer hold up appends, and fewer, larger loads cost less
     * CPU a row: 250 ms measured better than 50 for single events.
     */
    static final long LOAD_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
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
    private final JournalPair journal;
    /** The loader: one thread, with a connection and session of its own. */
    private final ExecutorService loader;
    private final Connection loaderConnection;
    private final DuckDbStatements loaderStatements;
    private final DuckDbSession loaderSession;
    private final BlockingQueue<Task<?>> queue;
    private final Duration offerTimeout;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closing;
    private final LongAdder commits = new LongAdder();
    private final LongAdder backgroundLoads = new LongAdder();

    /** Journaled appends not handed to a load yet, oldest first. Writer thread only, like every field below. */
    private final List<Appends> unloaded = new ArrayList<>();
    private int unloadedRows;
    private long unloadedBytes;
    private long oldestUnloadedNanos;
    /** The load in flight on the loader, with what it loads; null when none is. */
    private BackgroundLoad loading;
    /** Rows acknowledged but not in DuckDB yet, waiting or loading: other threads read it to know if a read waits. */
    private volatile int pendingRows;
    /** The highest journal record number given out, and the highest one the database holds. */
    private long lastRecord;
    private long loadedRecord;
    /** False while the journal may hold a torn record that later ones would hide: small appends then commit. */
    private boolean journalUsable = true;
    /**
     * True after a background load failed: its records, put back in {@link #unloaded}, are in the other file, which
     * must not be switched to (and overwritten) before they are loaded. Only the writer's own loads run until then.
     */
    private boolean unloadedInBothFiles;

    private record BackgroundLoad(CompletableFuture<Void> done, List<Appends> appends, int rows, long bytes,
            long through) {}

    /**
     * Takes over both connections (to the same database) and the journal's two files, replaying the records the
     * database does not hold yet.
     */
    DuckDbWriter(String name, Connection connection, Connection loaderConnection, Path journalFile,
            Path spareJournalFile, int capacity, Duration offerTimeout, int maxBatch) throws SQLException, IOException {
        this.name = name;
        this.connection = connection;
        this.connection.setAutoCommit(false);
        DuckDbBulkLoad.register(connection);
        this.connection.commit();
        this.loaderConnection = loaderConnection;
        this.loaderConnection.setAutoCommit(false);
        this.statements = new DuckDbStatements(connection);
        this.session = new DuckDbSession(statements);
        this.loaderStatements = new DuckDbStatements(loaderConnection);
        this.loaderSession = new DuckDbSession(loaderStatements);
        this.loader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("cairn-loader-" + name).daemon().factory());
        this.journal = JournalPair.open(journalFile, spareJournalFile);
        try {
            replayJournal();
        } catch (SQLException | IOException | RuntimeException e) {
            journal.close();
            closeLoader();
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
        if (pendingRows == 0) {
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

    /** Loads the loader thread completed; the writer loads the rest itself. */
    long backgroundLoads() {
        return backgroundLoads.sum();
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
        closeLoader();
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
                    // A close loads what waits before the thread ends. Rows that fail to load stay in the journal,
                    // which the next open replays.
                    loadQuietly();
                    return;
                }
                // Idle: a good time to load what waits.
                loadInBackgroundWhenDue(true);
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
            loadInBackgroundWhenDue(false);
        }
    }

    /**
     * Hands what waits to the loader when it is due (when {@code idle}, as soon as anything waits) and no load is in
     * flight. Waits for the load in flight only when as much waits again as one load takes: that bounds memory.
     */
    private void loadInBackgroundWhenDue(boolean idle) {
        boolean full = unloadedRows >= LOAD_ROWS || unloadedBytes >= LOAD_BYTES;
        if (loading != null) {
            if (!loading.done().isDone() && !full) {
                return;
            }
            awaitBackgroundLoad();
        }
        if (unloaded.isEmpty()
                || !(idle || full || System.nanoTime() - oldestUnloadedNanos >= LOAD_AFTER_NANOS)) {
            return;
        }
        if (unloadedInBothFiles || !journalUsable) {
            loadQuietly();
            return;
        }
        try {
            journal.switchFiles();
        } catch (IOException e) {
            log.warn("switching journal files failed db={} error={}", name, e.toString());
            loadQuietly();
            return;
        }
        List<Appends> appends = List.copyOf(unloaded);
        long through = lastRecord;
        loading = new BackgroundLoad(CompletableFuture.runAsync(
                () -> loadInto(loaderSession, loaderConnection, appends, through), loader),
                appends, unloadedRows, unloadedBytes, through);
        unloaded.clear();
        unloadedRows = 0;
        unloadedBytes = 0;
    }

    /**
     * Waits for the load in flight, if any. When it failed, its appends go back in front of the waiting ones, for the
     * writer's own load to retry.
     */
    private void awaitBackgroundLoad() {
        if (loading == null) {
            return;
        }
        BackgroundLoad load = loading;
        loading = null;
        try {
            load.done().join();
            loadedRecord = load.through();
            pendingRows -= load.rows();
            backgroundLoads.increment();
        } catch (CompletionException e) {
            log.warn("background load failed, the writer retries it db={} rows={} error={}", name, load.rows(),
                    e.getCause().toString());
            unloaded.addAll(0, load.appends());
            unloadedRows += load.rows();
            unloadedBytes += load.bytes();
            unloadedInBothFiles = true;
        }
        // The writer's connection may hold a snapshot from before the loader's commit; its next statements must see
        // the loaded rows and the new loaded_through, or its own load would conflict on it.
        try {
            connection.commit();
        } catch (SQLException e) {
            rollback();
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
        int rows = 0;
        for (Task<?> task : accepted) {
            unloaded.add(task.appends());
            rows += task.appends().rowCount();
            unloadedBytes += task.appends().payload().length;
        }
        unloadedRows += rows;
        pendingRows += rows;
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
     * Loads every journaled append into DuckDB on the writer's connection, after the load in flight, then rewinds the
     * journal. On failure everything stays as it was (in memory and in the journal).
     */
    private void load() {
        awaitBackgroundLoad();
        if (loadedRecord == lastRecord && journalUsable) {
            return;
        }
        loadInto(session, connection, unloaded, lastRecord);
        loadedRecord = lastRecord;
        unloaded.clear();
        unloadedRows = 0;
        unloadedBytes = 0;
        pendingRows = 0;
        unloadedInBothFiles = false;
        try {
            journal.reset();
            journalUsable = true;
        } catch (IOException e) {
            // Replay skips what it holds (every record is at most loaded_through), but new records must not follow a
            // torn one: commit small appends until the file can be rewound.
            journalUsable = false;
            log.warn("rewinding the journal failed db={} file={} error={}", name, journal.currentFile(), e.toString());
        }
    }

    /**
     * Loads appends in one transaction that also records {@code through}, the last journal record they come from. On
     * failure the transaction is rolled back. Runs on the writer's connection or on the loader's.
     */
    private void loadInto(DuckDbSession target, Connection targetConnection, List<Appends> appends, long through) {
        try {
            for (Appends append : appends) {
                append.applyTo(target);
            }
            target.execute("UPDATE " + JOURNAL_TABLE + " SET loaded_through = ?", List.of(through));
            targetConnection.commit();
            commits.increment();
        } catch (SQLException | RuntimeException e) {
            rollback(target, targetConnection);
            throw e instanceof SQLException sql ? DuckDbErrors.translate(sql, "loading journaled appends")
                    : (RuntimeException) e;
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
        rollback(session, connection);
    }

    private void rollback(DuckDbSession target, Connection targetConnection) {
        target.discardAppends();
        try {
            targetConnection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed db={} error={}", name, e.toString());
        }
    }

    private void closeLoader() {
        loader.shutdown();
        try {
            loader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loaderStatements.close();
        try {
            loaderConnection.close();
        } catch (SQLException e) {
            log.debug("closing the loader connection failed db={} error={}", name, e.toString());
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
