package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.CairnException;
import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.RowBatch.Column;
import io.cairn.core.storage.journal.AppendCodec;
import io.cairn.core.storage.journal.AppendJournal;
import io.cairn.core.storage.journal.JournalPair;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small appends acknowledged from the journal: visible at once, in order with other writes, replayed after a crash. */
class DuckDbJournaledAppendsTest {

    @TempDir
    Path dir;

    private Path file;
    private DuckDbDatabase database;

    @BeforeEach
    void open() {
        file = dir.resolve("j.duckdb");
        database = DuckDbDatabase.open("journaled", file, TestStorage.config(dir));
        database.submit(s -> s.execute("CREATE TABLE t (n BIGINT, name VARCHAR)", List.of())).join();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyAcknowledgedAppendIsSeenByTheNextReadAndTheJournalKeepsNothingUnloaded() throws IOException {
        for (int round = 0; round < 20; round++) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acks.add(database.submitAppend(Map.of("t", row(round * 10 + i, "x"))));
            }
            acks.forEach(CompletableFuture::join);
            assertThat(count()).isEqualTo((round + 1) * 10L);
        }
        assertThat(Files.size(DuckDbDatabase.journalOf(file))).as("records were written").isPositive();
        assertJournalHoldsNothingUnloaded();
        assertThat(database.read(s -> s.query("SELECT sum(n) FROM t", List.of(), r -> r.longValue(1))).getFirst())
                .isEqualTo(199L * 200 / 2);
    }

    @Test
    void aWriteQueuedAfterAcknowledgedAppendsRunsAfterThem() {
        CountDownLatch hold = holdWriter();
        // Queued while the writer is held, these make one round of appends only: the journal's.
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acks.add(database.submitAppend(Map.of("t", row(i, "doomed"))));
        }
        hold.countDown();
        acks.forEach(CompletableFuture::join);
        long deleted = database.submit(s -> s.execute("DELETE FROM t WHERE name = 'doomed'", List.of())).join();

        assertThat(deleted).isEqualTo(5);
        assertThat(count()).isZero();
    }

    @Test
    void anAppendTheTableCannotTakeFailsAloneAndNothingOfItIsStored() {
        CountDownLatch hold = holdWriter();
        CompletableFuture<Void> good = database.submitAppend(Map.of("t", row(1, "good")));
        RowBatch wrongColumn = RowBatch.builder(List.of(new Column("nope", ColumnType.VARCHAR)), 1)
                .setString(0, "bad").endRow().build();
        CompletableFuture<Void> bad = database.submitAppend(Map.of("t", wrongColumn));
        CompletableFuture<Void> noTable = database.submitAppend(Map.of("missing", row(2, "bad")));
        hold.countDown();

        good.join();
        assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(CairnException.class).hasStackTraceContaining("no column nope");
        assertThatThrownBy(noTable::join).hasCauseInstanceOf(CairnException.class)
                .hasStackTraceContaining("no table missing");
        List<String> names = database.read(s -> s.query("SELECT name FROM t", List.of(), r -> r.string(1)));
        assertThat(names).containsExactly("good");
    }

    @Test
    void recordsTheDatabaseDoesNotHoldAreReplayedAtOpenOnceAndATornTailIsIgnored() throws IOException {
        database.submitAppend(Map.of("t", row(1, "loaded"))).join();
        long loadedThrough = loadedThrough();
        assertThat(loadedThrough).isPositive();
        database.close();

        // What a crash leaves: the loaded record still in the file, two acknowledged ones, one cut short.
        Path journalFile = DuckDbDatabase.journalOf(file);
        try (AppendJournal journal = AppendJournal.open(journalFile)) {
            journal.reset();
            journal.append(List.of(
                    new AppendJournal.Entry(loadedThrough, AppendCodec.encode(Map.of("t", row(1, "loaded")))),
                    new AppendJournal.Entry(loadedThrough + 1, AppendCodec.encode(Map.of("t", row(2, "acked")))),
                    new AppendJournal.Entry(loadedThrough + 2, AppendCodec.encode(Map.of("t", row(3, "acked")))),
                    new AppendJournal.Entry(loadedThrough + 3, AppendCodec.encode(Map.of("t", row(4, "torn"))))));
            journal.force();
        }
        try (FileChannel channel = FileChannel.open(journalFile, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(journalFile) - 2);
        }

        database = DuckDbDatabase.open("journaled", file, TestStorage.config(dir));
        assertThat(rows()).containsExactly("1 loaded", "2 acked", "3 acked");
        assertJournalHoldsNothingUnloaded();

        // Numbering goes on above what was replayed, so a later crash cannot skip new records.
        database.submitAppend(Map.of("t", row(5, "later"))).join();
        database.close();
        database = DuckDbDatabase.open("journaled", file, TestStorage.config(dir));
        assertThat(rows()).containsExactly("1 loaded", "2 acked", "3 acked", "5 later");
    }

    @Test
    void theLoaderTakesWhatWaitsOnceTheWriterFallsIdleWithoutAReadAsking() throws Exception {
        // Two rounds of journaled appends, 1,800 rows: more than the appender takes, so the loader's insert runs.
        for (int round = 0; round < 2; round++) {
            CountDownLatch hold = holdWriter();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long n = round * 300 + i;
                acks.add(database.submitAppend(Map.of("t", rows(3 * n, 3 * n + 1, 3 * n + 2))));
            }
            hold.countDown();
            acks.forEach(CompletableFuture::join);
        }
        awaitBackgroundLoads(1);
        assertThat(count()).isEqualTo(1800);
        assertThat(database.read(s -> s.query("SELECT count(DISTINCT n), sum(n) FROM t", List.of(),
                r -> r.longValue(1) + " " + r.longValue(2))).getFirst()).isEqualTo("1800 " + 1799L * 1800 / 2);
        assertJournalHoldsNothingUnloaded();
    }

    @Test
    void theWritersOwnLoadAfterABackgroundLoadBuildsOnIt() throws Exception {
        // The first append makes the writer read the table's columns, in a transaction begun before the loader commits.
        database.submitAppend(Map.of("t", row(1, "background"))).join();
        awaitBackgroundLoads(1);
        database.submitAppend(Map.of("t", row(2, "writer"))).join();
        long changed = database.submit(s -> s.execute("UPDATE t SET name = upper(name)", List.of())).join();

        assertThat(changed).isEqualTo(2);
        assertThat(rows()).containsExactly("1 BACKGROUND", "2 WRITER");
        assertJournalHoldsNothingUnloaded();
    }

    @Test
    void appendsFromManyThreadsInterleavedWithOtherWritesAndReadsAreAllStoredOnce() throws Exception {
        database.submit(s -> s.execute("CREATE TABLE other (n BIGINT)", List.of())).join();
        int threads = 8;
        int perThread = 400;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long n = (long) thread * perThread + i;
                        database.submitAppend(Map.of("t", row(n, "x"))).join();
                        if (i % 50 == 0) {
                            // Other writes and reads must see every append acknowledged before them.
                            database.submit(s -> s.execute("INSERT INTO other VALUES (?)", List.of(n))).join();
                            assertThat(database.read(s -> s.query("SELECT count(*) FROM t WHERE n = ?", List.of(n),
                                    r -> r.longValue(1))).getFirst()).isEqualTo(1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        assertThat(database.read(s -> s.query("SELECT count(*), count(DISTINCT n) FROM t", List.of(),
                r -> r.longValue(1) + " " + r.longValue(2))).getFirst()).isEqualTo("3200 3200");
        assertThat(database.read(s -> s.query("SELECT count(*) FROM other", List.of(), r -> r.longValue(1)))
                .getFirst()).isEqualTo(threads * 8L);
        assertJournalHoldsNothingUnloaded();
    }

    @Test
    void aCrashDuringABackgroundLoadReplaysTheRecordsOfBothFilesInOrderAndOnce() throws IOException {
        database.submitAppend(Map.of("t", row(1, "loaded"))).join();
        long loadedThrough = loadedThrough();
        database.close();

        // What a crash during a background load leaves: the first file handed to the load, which did not commit; the
        // second written meanwhile, its last record cut short.
        try (AppendJournal first = AppendJournal.open(DuckDbDatabase.journalOf(file));
                AppendJournal second = AppendJournal.open(DuckDbDatabase.spareJournalOf(file))) {
            first.reset();
            first.append(List.of(entry(loadedThrough, row(1, "loaded")), entry(loadedThrough + 1, row(2, "acked")),
                    entry(loadedThrough + 2, row(3, "acked"))));
            first.force();
            second.reset();
            second.append(List.of(entry(loadedThrough + 3, row(4, "acked")),
                    entry(loadedThrough + 4, row(5, "torn"))));
            second.force();
        }
        Path spare = DuckDbDatabase.spareJournalOf(file);
        try (FileChannel channel = FileChannel.open(spare, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(spare) - 2);
        }

        database = DuckDbDatabase.open("journaled", file, TestStorage.config(dir));
        assertThat(rows()).containsExactly("1 loaded", "2 acked", "3 acked", "4 acked");
        assertJournalHoldsNothingUnloaded();
        database.submitAppend(Map.of("t", row(6, "later"))).join();
        database.close();
        database = DuckDbDatabase.open("journaled", file, TestStorage.config(dir));
        assertThat(rows()).containsExactly("1 loaded", "2 acked", "3 acked", "4 acked", "6 later");
    }

    /** Waits (a while at most) until the loader thread has completed {@code loads} loads. */
    private void awaitBackgroundLoads(long loads) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (database.backgroundLoads() < loads && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(database.backgroundLoads()).as("loads done by the loader").isGreaterThanOrEqualTo(loads);
    }

    private static AppendJournal.Entry entry(long number, RowBatch rows) {
        return new AppendJournal.Entry(number, AppendCodec.encode(Map.of("t", rows)));
    }

    private long loadedThrough() {
        return database.read(s -> s.query("SELECT loaded_through FROM " + DuckDbWriter.JOURNAL_TABLE, List.of(),
                r -> r.longValue(1))).getFirst();
    }

    /** The journal's files are rewound, not emptied: what they still read must all be in the database already. */
    private void assertJournalHoldsNothingUnloaded() throws IOException {
        long loadedThrough = loadedThrough();
        try (JournalPair journal = JournalPair.open(DuckDbDatabase.journalOf(file),
                DuckDbDatabase.spareJournalOf(file))) {
            assertThat(journal.entries()).allSatisfy(entry -> assertThat(entry.number())
                    .isLessThanOrEqualTo(loadedThrough));
        }
    }

    private List<String> rows() {
        return database.read(s -> s.query("SELECT n, name FROM t ORDER BY n", List.of(),
                r -> r.longValue(1) + " " + r.string(2)));
    }

    private long count() {
        return database.read(s -> s.query("SELECT count(*) FROM t", List.of(), r -> r.longValue(1))).getFirst();
    }

    private static RowBatch rows(long... ns) {
        RowBatch.Builder rows = RowBatch.builder(List.of(new Column("n", ColumnType.BIGINT)), ns.length);
        for (long n : ns) {
            rows.setLong(0, n).endRow();
        }
        return rows.build();
    }

    private static RowBatch row(long n, String name) {
        return RowBatch.builder(List.of(new Column("n", ColumnType.BIGINT), new Column("name", ColumnType.VARCHAR)), 1)
                .setLong(0, n).setString(1, name).endRow().build();
    }

    /** Keeps the writer busy until the returned latch is released; returns once it is. */
    private CountDownLatch holdWriter() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        database.submit(s -> {
            started.countDown();
            await(hold);
            return null;
        });
        await(started);
        return hold;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
