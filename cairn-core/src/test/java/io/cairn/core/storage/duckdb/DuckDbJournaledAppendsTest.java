package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.CairnException;
import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.RowBatch.Column;
import io.cairn.core.storage.journal.AppendCodec;
import io.cairn.core.storage.journal.AppendJournal;
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

    private long loadedThrough() {
        return database.read(s -> s.query("SELECT loaded_through FROM " + DuckDbWriter.JOURNAL_TABLE, List.of(),
                r -> r.longValue(1))).getFirst();
    }

    /** The journal file is rewound, not emptied: what it still reads must all be in the database already. */
    private void assertJournalHoldsNothingUnloaded() throws IOException {
        long loadedThrough = loadedThrough();
        try (AppendJournal journal = AppendJournal.open(DuckDbDatabase.journalOf(file))) {
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
