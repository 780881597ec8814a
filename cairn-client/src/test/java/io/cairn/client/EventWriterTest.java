package io.cairn.client;

import static io.cairn.client.BatchStub.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.BatchStub.Stored;
import io.cairn.client.error.QueueFullException;
import io.cairn.client.error.ServerErrorException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.Event;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The buffering writer against a stub that answers batches like Keen: when it sends, what, and what it reports. */
// A broken writer would make flush() or close() wait forever; the timeout turns that into a failure.
@Timeout(30)
class EventWriterTest {

    private static final Duration LONG = Duration.ofHours(1);

    private final BatchStub stub = new BatchStub();
    private final StubServer server = StubServer.start().respondWith(stub);
    private final Cairn cairn = Cairn.builder()
            .baseUrl(server.baseUrl())
            .projectId("p1")
            .key("wr1te")
            .retryBackoff(Duration.ofMillis(1))
            .build();
    private final List<WriteFailure> failures = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        stub.release();
        cairn.close();
        server.close();
    }

    private EventWriter.Options.Builder options() {
        return EventWriter.Options.builder().flushInterval(LONG).onFailure(failures::add);
    }

    private static Map<String, Object> event(int n) {
        return Map.of("n", n);
    }

    @Test
    void fullBatchIsSentAtOnceGroupedByCollectionWithAFreshIdempotencyKey() {
        try (EventWriter writer = cairn.events().writer(options().maxBatchSize(3).build())) {
            writer.add("a", event(1));
            writer.add("b", event(2));
            writer.add("a", event(3));
            awaitUntil("the full batch is sent", () -> server.received().size() == 1);

            writer.add("a", event(4));
            writer.flush();
        }

        List<Received> requests = server.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().path()).isEqualTo("/3.0/projects/p1/events");
        assertThat(requests.getFirst().header("Authorization")).contains("wr1te");
        assertThat(requests.getFirst().body()).isEqualTo("{\"a\":[{\"n\":1},{\"n\":3}],\"b\":[{\"n\":2}]}");
        assertThat(requests.get(1).body()).isEqualTo("{\"a\":[{\"n\":4}]}");
        assertThat(requests).extracting(request -> request.header("Idempotency-Key").orElseThrow())
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[0-9a-f-]{36}"));
        assertThat(failures).isEmpty();
    }

    @Test
    void waitingEventIsSentOnceTheFlushIntervalHasPassed() {
        long start = System.nanoTime();
        try (EventWriter writer = cairn.events().writer(options().flushInterval(Duration.ofMillis(50)).build())) {
            writer.add("a", Map.of("at", Instant.parse("2024-01-02T03:04:05Z")));

            awaitUntil("the event is sent", () -> server.received().size() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
        assertThat(stub.events()).containsExactly(new Stored("a", "{\"at\":\"2024-01-02T03:04:05.000Z\"}"));
    }

    @Test
    void flushReturnsOnlyOnceEverythingAddedBeforeIsSentAndItsFailuresReported() {
        try (EventWriter writer = cairn.events().writer(options().build())) {
            writer.add("a", event(1));
            writer.add("b", Map.of("reject", true));
            writer.add("a", event(2));

            writer.flush();

            assertThat(stub.events()).extracting(Stored::json).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(failures).singleElement().isInstanceOfSatisfying(WriteFailure.Rejected.class, rejected ->
                    assertThat(rejected.rejections()).containsExactly(new WriteFailure.Rejection(
                            new Event("b", Map.of("reject", true)), "InvalidPropertyNameError",
                            "rejected on purpose")));
            writer.flush();
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void closeSendsWhatIsLeftIsIdempotentAndRefusesLaterEvents() {
        EventWriter writer = cairn.events().writer(options().build());
        writer.add("a", event(1));
        writer.add("a", event(2));

        writer.close();
        writer.close();
        writer.flush();

        assertThat(stub.events()).hasSize(2);
        assertThatThrownBy(() -> writer.add("a", event(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void closingTheCairnClientClosesItsWritersAfterTheySendWhatTheyHold() {
        EventWriter writer = cairn.events().writer(options().build());
        writer.add("a", event(1));

        cairn.close();

        assertThat(stub.events()).hasSize(1);
        assertThatThrownBy(() -> writer.add("a", event(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fullQueueMakesAddWaitUntilThereIsRoom() throws Exception {
        stub.hold();
        try (EventWriter writer = cairn.events().writer(options().maxBatchSize(1).queueCapacity(1).build())) {
            writer.add("a", event(1));
            stub.awaitArrival();
            writer.add("a", event(2));
            AtomicBoolean added = new AtomicBoolean();
            Thread adder = Thread.ofPlatform().start(() -> {
                writer.add("a", event(3));
                added.set(true);
            });

            awaitUntil("the third add waits for room", () -> adder.getState() == Thread.State.WAITING);
            assertThat(added).isFalse();

            stub.release();
            adder.join(5_000);
            assertThat(added).isTrue();
            writer.flush();
        }
        assertThat(stub.events()).extracting(Stored::json).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void fullQueueMakesAddThrowWhenTheWriterMustNotWait() throws Exception {
        stub.hold();
        EventWriter.Options options = options().maxBatchSize(1).queueCapacity(1).blockWhenFull(false).build();
        try (EventWriter writer = cairn.events().writer(options)) {
            writer.add("a", event(1));
            stub.awaitArrival();
            writer.add("a", event(2));

            assertThatThrownBy(() -> writer.add("a", event(3)))
                    .isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("full (1 events waiting)");

            stub.release();
            writer.flush();
        }
        assertThat(stub.events()).extracting(Stored::json).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void serverErrorFailsTheWholeBatchAndTheWriterCarriesOn() {
        server.reply(500, "{\"message\": \"boom\", \"error_code\": \"InternalServerError\"}");
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        EventWriter.Options options = options().onFailure(failure -> {
            callbackThread.set(Thread.currentThread());
            failures.add(failure);
        }).build();
        try (EventWriter writer = cairn.events().writer(options)) {
            writer.add("a", event(1));
            writer.add("b", event(2));
            writer.flush();

            assertThat(failures).singleElement().isInstanceOfSatisfying(WriteFailure.Failed.class, failed -> {
                assertThat(failed.events()).containsExactly(new Event("a", event(1)), new Event("b", event(2)));
                assertThat(failed.cause()).isInstanceOf(ServerErrorException.class).hasMessageContaining("boom");
            });

            writer.add("a", event(3));
            writer.flush();
        }
        assertThat(stub.events()).extracting(Stored::json).containsExactly("{\"n\":3}");
        assertThat(callbackThread.get().getName()).matches("cairn-event-writer-\\d+");
        assertThat(callbackThread.get().isDaemon()).isTrue();
        assertThat(callbackThread.get().isAlive()).isFalse();
    }

    @Test
    void unavailableServerIsRetriedWithTheSameIdempotencyKey() {
        server.reply(503, "busy");
        try (EventWriter writer = cairn.events().writer(options().build())) {
            writer.add("a", event(1));
            writer.flush();
        }
        assertThat(failures).isEmpty();
        assertThat(server.received()).hasSize(2)
                .extracting(request -> request.header("Idempotency-Key").orElseThrow())
                .containsOnly(server.received().getFirst().header("Idempotency-Key").orElseThrow());
        assertThat(stub.events()).hasSize(1);
    }

    @Test
    void unreachableServerIsReportedAsAConnectionFailure() throws IOException {
        try (Cairn unreachable = cairn.newBuilder().baseUrl("http://127.0.0.1:" + freePort()).build();
                EventWriter writer = unreachable.events().writer(options().build())) {
            writer.add("a", event(1));
            writer.flush();
            writer.add("a", event(2));
            writer.flush();
        }
        assertThat(failures).hasSize(2).allSatisfy(failure ->
                assertThat(failure).isInstanceOfSatisfying(WriteFailure.Failed.class, failed ->
                        assertThat(failed.cause()).hasMessageContaining("failed after 3 attempts")));
        assertThat(failures).flatExtracting(WriteFailure::events)
                .containsExactly(new Event("a", event(1)), new Event("a", event(2)));
    }

    @Test
    void failingCallbackDoesNotStopTheWriter() {
        EventWriter.Options options = options().onFailure(failure -> {
            throw new IllegalStateException("callback bug");
        }).build();
        try (EventWriter writer = cairn.events().writer(options)) {
            writer.add("a", Map.of("reject", 1));
            writer.flush();
            writer.add("a", event(2));
            writer.flush();
        }
        assertThat(stub.events()).extracting(Stored::json).containsExactly("{\"n\":2}");
    }

    @Test
    void callbackMayNotFlushButMayAddWithoutWaiting() {
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        AtomicReference<EventWriter> self = new AtomicReference<>();
        EventWriter.Options options = options().onFailure(failure -> {
            try {
                self.get().flush();
            } catch (IllegalStateException e) {
                thrown.add(e);
            }
            self.get().add("retry", event(9));
        }).build();
        try (EventWriter writer = cairn.events().writer(options)) {
            self.set(writer);
            writer.add("a", Map.of("reject", 1));
            writer.flush();
        }
        assertThat(thrown).singleElement().extracting(Throwable::getMessage).asString().contains("onFailure");
        assertThat(stub.events()).containsExactly(new Stored("retry", "{\"n\":9}"));
    }

    @Test
    void concurrentAddsAreAllSentExactlyOnceInEachThreadsOrder() throws Exception {
        int threads = 8;
        int perThread = 250;
        EventWriter.Options options = options().maxBatchSize(25).queueCapacity(50)
                .flushInterval(Duration.ofMillis(5)).build();
        try (EventWriter writer = cairn.events().writer(options)) {
            List<Thread> adders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                adders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        writer.add("c" + thread, event(thread * 1000 + i));
                    }
                }));
            }
            for (Thread adder : adders) {
                adder.join(10_000);
            }
        }

        List<Stored> stored = stub.events();
        assertThat(stored).hasSize(threads * perThread).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String collection = "c" + t;
            int first = t * 1000;
            assertThat(stored).filteredOn(event -> event.collection().equals(collection)).extracting(Stored::json)
                    .containsExactlyElementsOf(IntStream.range(first, first + perThread)
                            .mapToObj(n -> "{\"n\":" + n + "}").toList());
        }
        assertThat(server.received()).allSatisfy(request ->
                assertThat(request.body().split("\\{\"n\"")).hasSizeLessThanOrEqualTo(26));
        assertThat(failures).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
