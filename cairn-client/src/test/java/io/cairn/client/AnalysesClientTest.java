package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.AnalysisResult;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.FunnelStep;
import io.cairn.client.model.Timeframe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What running an analysis sends, and how its answer and errors come back; the server is a stub. */
class AnalysesClientTest {

    private final StubServer server = StubServer.start();
    private final Cairn cairn = Cairn.builder().baseUrl(server.baseUrl()).projectId("p1").key("r3ad")
            .retryBackoff(Duration.ofMillis(1)).build();
    private final EventsClient events = cairn.events();

    @AfterEach
    void close() {
        cairn.close();
        server.close();
    }

    private Received assertPosted(String analysis) {
        Received received = server.lastReceived();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/3.0/projects/p1/queries/" + analysis);
        assertThat(received.header("Authorization")).contains("r3ad");
        assertThat(received.header("Content-Type")).contains("application/json");
        return received;
    }

    @Test
    void aCountIsPostedAsJsonAndItsResultRead() {
        server.reply(200, "{\"result\": 42}");

        long count = events.count("purchases").timeframe(Timeframe.relative("this_7_days")).run().value();

        assertThat(count).isEqualTo(42);
        assertThat(assertPosted("count").body())
                .isEqualTo("{\"event_collection\":\"purchases\",\"timeframe\":\"this_7_days\"}");
    }

    @Test
    void aGroupedSeriesComesBackTyped() {
        server.reply(200, "{\"result\": [{\"timeframe\": {\"start\": \"2024-01-01T00:00:00.000Z\", \"end\":"
                + " \"2024-01-02T00:00:00.000Z\"}, \"value\": [{\"country\": \"FR\", \"result\": 2.5}]}]}");

        AnalysisResult<Double> result = events.average("purchases", "price").groupBy("country")
                .timeframe(Timeframe.relative("this_1_days")).interval("daily").run();

        assertThat(result.intervals().getFirst().groups().getFirst().value()).isEqualTo(2.5);
        assertPosted("average");
    }

    @Test
    void aFunnelIsPostedToItsPathAndReadWithItsSteps() {
        server.reply(200, "{\"result\": [3, 1], \"steps\": [{\"event_collection\": \"v\", \"actor_property\": \"u\"},"
                + " {\"event_collection\": \"p\", \"actor_property\": \"u\", \"with_actors\": true}],"
                + " \"actors\": [null, [\"a\"]]}");

        FunnelResult funnel = events.funnel(FunnelStep.of("v", "u"), FunnelStep.of("p", "u").withActors()).run();

        assertThat(funnel.counts()).containsExactly(3L, 1L);
        assertThat(funnel.steps().get(1).actors()).contains(List.of("a"));
        assertThat(assertPosted("funnel").body()).startsWith("{\"steps\":[");
    }

    @Test
    void anExtractionStreamsItsEventsSkippingOtherFieldsBeforeTheResult() {
        server.reply(200, "{\"query\": {\"x\": [1, {\"y\": 2}]}, \"result\": [{\"keen\": {\"timestamp\":"
                + " \"2024-01-01T00:00:00.000Z\"}, \"n\": 1, \"tags\": [\"a\"]}, {\"n\": 2.5}]}");

        try (Stream<Map<String, Object>> stream = events.extraction("purchases").latest(2).stream()) {
            List<Map<String, Object>> list = stream.toList();
            assertThat(list).hasSize(2);
            assertThat(list.get(0)).containsEntry("n", 1L).containsEntry("tags", List.of("a"))
                    .containsEntry("keen", Map.of("timestamp", "2024-01-01T00:00:00.000Z"));
            assertThat(list.get(1)).containsEntry("n", 2.5);
        }
        assertThat(assertPosted("extraction").body()).isEqualTo("{\"event_collection\":\"purchases\",\"latest\":2}");
    }

    @Test
    void anExtractionStreamCanBeClosedBeforeItsEnd() {
        server.reply(200, "{\"result\": [{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]}");
        try (Stream<Map<String, Object>> stream = events.extraction("purchases").stream()) {
            assertThat(stream.findFirst()).contains(Map.of("n", 1L));
        }
        server.reply(200, "{\"result\": []}");
        assertThat(events.extraction("purchases").run()).isEmpty();
    }

    @Test
    void anUnreadableOrTruncatedExtractionIsAClientError() {
        server.reply(200, "{\"other\": 1}");
        assertThatThrownBy(() -> events.extraction("e").run()).isInstanceOf(CairnClientException.class)
                .hasMessageContaining("no result");
        server.reply(200, "{\"result\": [{\"n\": 1}, ");
        assertThatThrownBy(() -> events.extraction("e").run()).isInstanceOf(CairnClientException.class);
        server.reply(200, "{\"result\": [1]}");
        assertThatThrownBy(() -> events.extraction("e").run()).isInstanceOf(CairnClientException.class)
                .hasMessageContaining("event object");
    }

    @Test
    void keenErrorsBecomeApiExceptionsWithTheirCode() {
        server.reply(400, "{\"message\": \"unknown timeframe\", \"error_code\": \"InvalidTimeframeError\"}");
        assertThatThrownBy(() -> events.count("c").timeframe(Timeframe.relative("last_forever")).run())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidTimeframeError"));
        server.reply(401, "{\"message\": \"no\", \"error_code\": \"InvalidApiKeyError\"}");
        assertThatThrownBy(() -> events.extraction("c").stream()).isInstanceOf(UnauthorizedException.class);
        server.reply(200, "{\"result\": \"many\"}");
        assertThatThrownBy(() -> events.count("c").run()).isInstanceOf(CairnClientException.class)
                .hasMessageContaining("unreadable answer to POST /3.0/projects/p1/queries/count");
    }

    @Test
    void nothingIsSentForAQueryThatFailsItsChecks() {
        assertThatThrownBy(() -> events.count("c").groupBy("a").limit(2).run())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }
}
