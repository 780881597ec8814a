package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.ServerErrorException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.EventResult;
import io.cairn.client.model.Filter;
import io.cairn.client.model.PropertyType;
import io.cairn.client.model.Timeframe;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the events client sends for each call, and how it reads the answers; the server is a stub. */
class EventsClientTest {

    private final StubServer server = StubServer.start();
    private final Cairn cairn = Cairn.builder()
            .baseUrl(server.baseUrl() + "/keen/")
            .projectId("p1")
            .key("wr1te")
            .retryBackoff(Duration.ofMillis(1))
            .build();
    private final EventsClient events = cairn.events();

    @AfterEach
    void close() {
        cairn.close();
        server.close();
    }

    private Received assertSent(String method, String path) {
        return server.assertLastSent(method, path, "wr1te");
    }

    private static Map<String, String> decodedQuery(Received received) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : received.query().split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(URLDecoder.decode(parts[0], UTF_8), URLDecoder.decode(parts[1], UTF_8));
        }
        return params;
    }

    @Test
    void addPostsTheEventAsJsonWithTheRawKey() {
        server.reply(201, "{\"created\": true}");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("item", "widget");
        event.put("keen", Map.of("timestamp", Instant.parse("2024-01-02T03:04:05Z")));

        events.add("purchases", event);

        Received received = assertSent("POST", "/keen/3.0/projects/p1/events/purchases");
        assertThat(received.header("Content-Type")).contains("application/json");
        assertThat(received.header("Idempotency-Key")).isEmpty();
        assertThat(received.body())
                .isEqualTo("{\"item\":\"widget\",\"keen\":{\"timestamp\":\"2024-01-02T03:04:05.000Z\"}}");
    }

    @Test
    void collectionNamesArePercentEncodedInThePath() {
        server.reply(201, "{}").reply(201, "{}");

        events.add("sign ups", Map.of());
        assertSent("POST", "/keen/3.0/projects/p1/events/sign%20ups");
        events.add("café/orders", Map.of());
        assertSent("POST", "/keen/3.0/projects/p1/events/caf%C3%A9%2Forders");
    }

    @Test
    void addOfAnUnsendableEventSendsNothing() {
        assertThatThrownBy(() -> events.add("c", Map.of("id", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void rejectedEventBecomesABadRequestWithKeensErrorCode() {
        server.reply(400, """
                {"message": "Property name can't contain a period.", "error_code": "InvalidPropertyNameError"}""");

        assertThatThrownBy(() -> events.add("c", Map.of("a.b", 1)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("HTTP 400 InvalidPropertyNameError: Property name can't contain a period.");
    }

    @Test
    void addAllPostsEventsByCollectionAndReadsOneResultPerEvent() {
        server.reply(200, """
                {"sign_ups": [{"success": true}, {"success": false,
                   "error": {"name": "InvalidPropertyNameError", "description": "bad name"}}],
                 "purchases": [{"success": true}]}""");
        Map<String, List<Map<String, Object>>> batch = new LinkedHashMap<>();
        batch.put("sign_ups", List.of(Map.of("user", "a"), Map.of("a.b", 1)));
        batch.put("purchases", List.of(Map.of("price", 5)));

        BatchResult result = events.addAll(batch);

        Received received = assertSent("POST", "/keen/3.0/projects/p1/events");
        assertThat(received.body())
                .isEqualTo("{\"sign_ups\":[{\"user\":\"a\"},{\"a.b\":1}],\"purchases\":[{\"price\":5}]}");
        assertThat(received.header("Idempotency-Key")).isEmpty();
        assertThat(result.count()).isEqualTo(3);
        assertThat(result.failures()).containsExactly(new BatchResult.Failure("sign_ups", 1,
                EventResult.rejected("InvalidPropertyNameError", "bad name")));
    }

    @Test
    void addAllWithoutAnIdempotencyKeyIsNotRetried() {
        server.reply(503, "busy").reply(200, "{\"c\": [{\"success\": true}]}");

        assertThatThrownBy(() -> events.addAll(Map.of("c", List.of(Map.of()))))
                .isInstanceOf(ServerErrorException.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void addAllWithAnIdempotencyKeySendsItAndIsRetriedWithTheSameKey() {
        server.reply(503, "busy").reply(200, "{\"c\": [{\"success\": true}]}");

        BatchResult result = events.addAll(Map.of("c", List.of(Map.of("n", 1))), "batch-42");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(server.received()).hasSize(2)
                .allSatisfy(received -> {
                    assertThat(received.header("Idempotency-Key")).contains("batch-42");
                    assertThat(received.body()).isEqualTo("{\"c\":[{\"n\":1}]}");
                });
    }

    @Test
    void addAllRejectsAnInvalidIdempotencyKeyAndSendsNothingForNoEvents() {
        assertThatThrownBy(() -> events.addAll(Map.of("c", List.of(Map.of())), "has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visible ASCII");
        assertThat(events.addAll(Map.of())).isEqualTo(BatchResult.empty());
        assertThat(events.addAll(Map.of("c", List.of()))).isEqualTo(BatchResult.empty());
        assertThat(server.received()).isEmpty();
    }

    @Test
    void batchAnswerMissingResultsIsUnreadable() {
        server.reply(200, "{\"c\": [{\"success\": true}]}", "X-Request-Id", "r7");

        assertThatThrownBy(() -> events.addAll(Map.of("c", List.of(Map.of(), Map.of()))))
                .isExactlyInstanceOf(CairnClientException.class)
                .hasMessageContaining("(request r7)")
                .hasMessageContaining("sent 2 events to collection c but got 1 results");
    }

    @Test
    void collectionsAndCollectionReadTheSchemas() {
        server.reply(200, "[" + KeenWireTest.PURCHASES + "]").reply(200, KeenWireTest.PURCHASES);

        List<EventCollection> all = events.collections();
        assertSent("GET", "/keen/3.0/projects/p1/events");
        EventCollection one = events.collection("purchases");
        assertSent("GET", "/keen/3.0/projects/p1/events/purchases");

        assertThat(all).containsExactly(one);
        assertThat(one.properties()).containsEntry("item.price", PropertyType.NUMBER);
    }

    @Test
    void unknownCollectionIsNotFound() {
        server.reply(404, """
                {"message": "Resource not found.", "error_code": "ResourceNotFoundError"}""");

        assertThatThrownBy(() -> events.collection("nope"))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).code()).isEqualTo("ResourceNotFoundError"));
    }

    @Test
    void deleteOfAWholeCollectionSendsNoQuery() {
        server.reply(204, "");

        events.delete("sign ups");

        Received received = assertSent("DELETE", "/keen/3.0/projects/p1/events/sign%20ups");
        assertThat(received.query()).isNull();
        assertThat(received.body()).isEmpty();
    }

    @Test
    void deleteWithFiltersTimeframeAndTimezoneSendsThemAsQueryParameters() {
        server.reply(204, "");

        events.delete("purchases", List.of(Filter.eq("user.name", "Bob Smith"), Filter.gte("price", 10)),
                Timeframe.absolute(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z")),
                "Europe/Paris");

        Received received = assertSent("DELETE", "/keen/3.0/projects/p1/events/purchases");
        assertThat(received.query()).doesNotContain("+", " ", "\"", "{");
        assertThat(decodedQuery(received)).containsExactly(
                Map.entry("filters", "[{\"property_name\":\"user.name\",\"operator\":\"eq\",\"property_value\":"
                        + "\"Bob Smith\"},{\"property_name\":\"price\",\"operator\":\"gte\",\"property_value\":10}]"),
                Map.entry("timeframe", "{\"start\":\"2024-01-01T00:00:00.000Z\",\"end\":\"2024-02-01T00:00:00.000Z\"}"),
                Map.entry("timezone", "Europe/Paris"));
    }

    @Test
    void deleteWithOnlyARelativeTimeframeOmitsTheOtherParameters() {
        server.reply(204, "");

        events.delete("c", List.of(), Timeframe.relative("previous_30_days"), null);

        assertThat(server.lastReceived().query()).isEqualTo("timeframe=previous_30_days");
    }

    @Test
    void deletePropertyAddressesTheEncodedPropertyPath() {
        server.reply(204, "");

        events.deleteProperty("purchases", "user.e mail");

        assertSent("DELETE", "/keen/3.0/projects/p1/events/purchases/properties/user.e%20mail");
    }

    @Test
    void deletesAreRetriedOn503() {
        server.reply(503, "").reply(204, "");

        events.delete("c");

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void withoutAProjectIdOrAKeyNothingIsSent() {
        List<Consumer<EventsClient>> calls = List.of(
                e -> e.add("c", Map.of()), e -> e.addAll(Map.of("c", List.of(Map.of()))), EventsClient::collections,
                e -> e.collection("c"), e -> e.delete("c"), e -> e.deleteProperty("c", "p"), EventsClient::writer);
        try (Cairn noProject = cairn.newBuilder().projectId(null).build();
                Cairn noKey = cairn.newBuilder().key(null).build()) {
            for (Consumer<EventsClient> call : calls) {
                assertThatThrownBy(() -> call.accept(noProject.events()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("projectId");
                assertThatThrownBy(() -> call.accept(noKey.events()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("key");
            }
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void newBuilderCarriesTheProjectId() {
        try (Cairn copy = cairn.newBuilder().build()) {
            assertThat(copy.projectId()).isEqualTo("p1");
            server.reply(204, "");
            copy.events().delete("c");
            assertSent("DELETE", "/keen/3.0/projects/p1/events/c");
        }
        assertThatThrownBy(() -> Cairn.builder().baseUrl(server.baseUrl()).projectId(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projectId must not be blank");
    }

    @Test
    void callsAfterCloseAreRefused() {
        cairn.close();

        assertThatThrownBy(() -> events.add("c", Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(events::writer).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(server.received()).isEmpty();
    }
}
