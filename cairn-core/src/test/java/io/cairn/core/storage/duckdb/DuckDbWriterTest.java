package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.UnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

class DuckDbWriterTest {

    @TempDir
    Path dir;

    private DuckDbDatabase database;

    @BeforeEach
    void open() {
        database = DuckDbDatabase.open("test", dir.resolve("t.duckdb"), TestStorage.config(dir));
        database.submit(s -> s.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)", List.of())).join();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void concurrentWritesAreGroupCommittedAndAllVisible() throws Exception {
        long commitsBefore = database.commits();
        int writers = 2000;
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CompletableFuture<Long>>> submitted = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                submitted.add(pool.submit(() -> database.submit(
                        s -> s.execute("INSERT INTO t VALUES (?)", List.of(n)))));
            }
            for (var f : submitted) {
                acks.add(f.get());
            }
        }
        acks.forEach(CompletableFuture::join);

        assertThat(count()).isEqualTo(writers);
        long commits = database.commits() - commitsBefore;
        assertThat(commits).isBetween(1L, (long) writers);
        assertThat(commits).as("group commit should merge concurrent writes").isLessThan(writers);
    }

    @Test
    void aFailingUnitFailsAloneAndItsBatchNeighboursCommit() throws Exception {
        CountDownLatch blocker = new CountDownLatch(1);
        // Hold the writer so that the next three units land in one batch.
        CompletableFuture<Object> gate = database.submit(s -> {
            await(blocker);
            return null;
        });
        CompletableFuture<Long> good1 = database.submit(s -> s.execute("INSERT INTO t VALUES (1)", List.of()));
        CompletableFuture<Long> duplicate = database.submit(s -> s.execute("INSERT INTO t VALUES (1)", List.of()));
        CompletableFuture<Long> good2 = database.submit(s -> s.execute("INSERT INTO t VALUES (2)", List.of()));
        CompletableFuture<Object> invalid = database.submit(s -> {
            throw InvalidRequestException.field("n", "bad n");
        });
        blocker.countDown();
        gate.join();

        assertThat(good1.join()).isEqualTo(1);
        assertThat(good2.join()).isEqualTo(1);
        assertThatThrownBy(duplicate::join).isInstanceOf(CompletionException.class);
        assertThatThrownBy(invalid::join).hasCauseInstanceOf(InvalidRequestException.class);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aFullQueueMakesSubmittersWaitThenFailWith503Kind(@TempDir Path other) {
        DuckDbDatabase small = DuckDbDatabase.open("small", other.resolve("s.duckdb"),
                TestStorage.config(other).withWriteQueue(1, Duration.ofMillis(200)));
        CountDownLatch blocker = new CountDownLatch(1);
        try {
            CompletableFuture<Object> running = small.submit(s -> {
                await(blocker);
                return null;
            });
            // The writer takes the first unit off the queue; wait until it has.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            CompletableFuture<Object> queued = null;
            while (queued == null && System.nanoTime() < deadline) {
                try {
                    queued = small.submit(s -> null);
                } catch (UnavailableException e) {
                    // the first unit is still in the queue
                }
            }
            assertThat(queued).isNotNull();
            assertThatThrownBy(() -> small.submit(s -> null))
                    .isInstanceOf(UnavailableException.class)
                    .extracting(e -> ((UnavailableException) e).code()).isEqualTo(ErrorCode.WRITE_QUEUE_FULL);
            blocker.countDown();
            running.join();
            queued.join();
        } finally {
            blocker.countDown();
            small.close();
        }
    }

    @Test
    void closeCommitsWhatIsQueuedThenRefusesWrites() {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            acks.add(database.submit(s -> s.execute("INSERT INTO t VALUES (?)", List.of(n))));
        }
        database.close();
        acks.forEach(CompletableFuture::join);
        assertThatThrownBy(() -> database.submit(s -> null)).isInstanceOf(UnavailableException.class);

        DuckDbDatabase reopened = DuckDbDatabase.open("test", dir.resolve("t.duckdb"), TestStorage.config(dir));
        try {
            assertThat(reopened.read(s -> s.query("SELECT count(*) FROM t", List.of(), r -> r.longValue(1)))
                    .getFirst()).isEqualTo(100);
        } finally {
            reopened.close();
        }
    }

    private long count() {
        return database.read(s -> s.query("SELECT count(*) FROM t", List.of(), r -> r.longValue(1))).getFirst();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
