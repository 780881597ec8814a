package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.Cairn;
import io.cairn.client.EventWriter;
import io.cairn.client.WriteFailure;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.Filter;
import io.cairn.client.model.PropertyType;
import io.cairn.client.model.Timeframe;
import io.cairn.core.project.CreatedProject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's events client and buffered writer against the real server. */
class SdkEventsIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    private CreatedProject project;

    @BeforeEach
    void newProject() {
        project = server.newProject();
    }

    private Cairn sdk(int keyIndex) {
        Cairn admin = server.adminSdk();
        return admin.newBuilder().projectId(project.project().id().value())
                .key(project.keys().get(keyIndex).secret()).build();
    }

    private long count(String collection) {
        return server.core().events().count(project.project().id(), collection, List.of(), null);
    }

    @Test
    void addAndAddAllStoreEventsAndReportPerEventFailures() {
        try (Cairn write = sdk(1)) {
            write.events().add("purchases", Map.of("item", "widget", "price", 9.5,
                    "at", Instant.parse("2024-01-02T03:04:05Z"), "user", Map.of("id", "u1")));
            BatchResult result = write.events().addAll(Map.of(
                    "purchases", List.of(Map.of("item", "a"), Map.of("bad.name", 1), Map.of("item", "b"))));
            assertThat(result.count()).isEqualTo(3);
            assertThat(result.successCount()).isEqualTo(2);
            assertThat(result.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.index()).isEqualTo(1);
                assertThat(failure.result().errorName()).isEqualTo("InvalidPropertyNameError");
            });
        }
        assertThat(count("purchases")).isEqualTo(3);
    }

    @Test
    void anIdempotencyKeyMakesARetryStoreNothingTwice() {
        try (Cairn write = sdk(1)) {
            var events = Map.of("orders", List.of(Map.of("n", 1), Map.of("n", 2)));
            BatchResult first = write.events().addAll(events, "order-batch-7");
            BatchResult again = write.events().addAll(events, "order-batch-7");
            assertThat(again).isEqualTo(first);
        }
        assertThat(count("orders")).isEqualTo(2);
    }

    @Test
    void collectionsDescribeTheirProperties() {
        try (Cairn write = sdk(1); Cairn read = sdk(2)) {
            write.events().add("views", Map.of("page", "/", "ms", 12, "tags", List.of("a"), "ok", true));
            List<EventCollection> collections = read.events().collections();
            assertThat(collections).extracting(EventCollection::name).containsExactly("views");
            EventCollection views = read.events().collection("views");
            assertThat(views.properties()).containsEntry("page", PropertyType.STRING)
                    .containsEntry("ms", PropertyType.NUMBER).containsEntry("tags", PropertyType.LIST)
                    .containsEntry("ok", PropertyType.BOOLEAN).containsEntry("keen.timestamp", PropertyType.DATETIME);
            assertThatThrownBy(() -> read.events().collection("nothing")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> read.events().add("views", Map.of("x", 1)))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("InvalidApiKeyError");
        }
    }

    @Test
    void deletesByFilterTimeframePropertyAndWholeCollection() {
        try (Cairn write = sdk(1); Cairn master = sdk(0)) {
            write.events().addAll(Map.of("d", List.of(
                    Map.of("n", 1, "keen", Map.of("timestamp", "2024-01-01T10:00:00Z")),
                    Map.of("n", 2, "keen", Map.of("timestamp", "2024-01-02T10:00:00Z")),
                    Map.of("n", 3, "extra", "x", "keen", Map.of("timestamp", "2024-01-03T10:00:00Z")))));
            master.events().delete("d", List.of(Filter.gte("n", 2)), Timeframe.absolute(
                    Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z")), "UTC");
            assertThat(count("d")).isEqualTo(2);
            master.events().deleteProperty("d", "extra");
            assertThat(master.events().collection("d").properties()).doesNotContainKey("extra");
            master.events().delete("d");
            assertThat(server.core().events().findCollection(project.project().id(), "d")).isEmpty();
        }
    }

    @Test
    void theBufferedWriterDeliversEveryEventOnceFromManyThreads() throws Exception {
        ConcurrentLinkedQueue<WriteFailure> failures = new ConcurrentLinkedQueue<>();
        try (Cairn write = sdk(1)) {
            EventWriter writer = write.events().writer(EventWriter.Options.builder().maxBatchSize(250)
                    .flushInterval(Duration.ofMillis(100)).queueCapacity(1000).onFailure(failures::add).build());
            List<Future<?>> producers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                for (int t = 0; t < 6; t++) {
                    int thread = t;
                    producers.add(pool.submit(() -> {
                        for (int i = 0; i < 1000; i++) {
                            writer.add("stream", Map.of("thread", thread, "i", i));
                        }
                        if (thread == 0) {
                            writer.add("stream", Map.of("bad.name", true));
                        }
                        return null;
                    }));
                }
                for (Future<?> producer : producers) {
                    producer.get();
                }
            }
            writer.flush();
            assertThat(count("stream")).isEqualTo(6000);
            writer.close();
        }
        assertThat(failures).singleElement().isInstanceOf(WriteFailure.Rejected.class);
    }
}
