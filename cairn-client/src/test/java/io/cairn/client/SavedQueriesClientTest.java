package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.error.NotFoundException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.SaveResult;
import io.cairn.client.model.SavedQuery;
import io.cairn.client.model.SavedQueryResult;
import io.cairn.client.model.SavedQuerySpec;
import io.cairn.client.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the saved queries client sends and how it reads saved query objects and results; the server is a stub. */
class SavedQueriesClientTest {

    private static final String SAVED = "{\"query_name\": \"by-country\", \"refresh_rate\": 14400, \"query\":"
            + " {\"analysis_type\": \"count\", \"event_collection\": \"purchases\", \"group_by\": [\"country\"],"
            + " \"timeframe\": \"this_7_days\"}, \"metadata\": {\"display_name\": \"By country\"},"
            + " \"created_date\": \"2024-01-02T03:04:05.000Z\", \"last_modified_date\": \"2024-01-03T03:04:05.000Z\","
            + " \"run_information\": {\"last_run_date\": \"2024-01-03T04:00:00.000Z\", \"last_run_status\": 200}";

    private final StubServer server = StubServer.start();
    private final Cairn cairn = Cairn.builder().baseUrl(server.baseUrl()).projectId("p1").key("m4ster")
            .retryBackoff(Duration.ofMillis(1)).build();
    private final SavedQueriesClient saved = cairn.events().savedQueries();

    @AfterEach
    void close() {
        cairn.close();
        server.close();
    }

    private Received assertSent(String method, String path) {
        return server.assertLastSent(method, path, "m4ster");
    }

    @Test
    void saveIsAPutOfRefreshRateQueryAndMetadataAndTellsCreatedFromReplaced() {
        server.reply(201, SAVED + "}");
        SavedQuerySpec spec = SavedQuerySpec.of(cairn.events().count("purchases").groupBy("country")
                        .timeframe(Timeframe.relative("this_7_days")).definition())
                .withRefreshRate(Duration.ofHours(4)).withMetadata(Map.of("display_name", "By country"));

        SaveResult created = saved.save("by-country", spec);

        assertThat(assertSent("PUT", "/3.0/projects/p1/queries/saved/by-country").body()).isEqualTo(
                "{\"refresh_rate\":14400,\"query\":{\"analysis_type\":\"count\",\"event_collection\":\"purchases\","
                + "\"timeframe\":\"this_7_days\",\"group_by\":\"country\"},\"metadata\":{\"display_name\":"
                + "\"By country\"}}");
        assertThat(created.created()).isTrue();
        SavedQuery query = created.savedQuery();
        assertThat(query.name()).isEqualTo("by-country");
        assertThat(query.refreshRate()).isEqualTo(Duration.ofHours(4));
        assertThat(query.query().analysisType()).isEqualTo(AnalysisType.COUNT);
        assertThat(query.query().parameters()).doesNotContainKey("analysis_type")
                .containsEntry("group_by", List.of("country"));
        assertThat(query.metadata()).containsEntry("display_name", "By country");
        assertThat(query.createdDate()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(query.runInformation()).contains(new SavedQuery.RunInformation(
                Instant.parse("2024-01-03T04:00:00Z"), "200"));

        server.reply(200, SAVED + "}");
        assertThat(saved.save("by-country", cairn.events().count("purchases")).created()).isFalse();
        assertThat(server.lastReceived().body()).isEqualTo("{\"refresh_rate\":0,\"query\":{\"analysis_type\":"
                + "\"count\",\"event_collection\":\"purchases\"},\"metadata\":{}}");
    }

    @Test
    void listGetAndDeleteAddressSavedQueriesByName() {
        server.reply(200, "[" + SAVED + "}, {\"query_name\": \"bare\", \"refresh_rate\": 0, \"query\":"
                + " {\"analysis_type\": \"funnel\", \"steps\": []}, \"metadata\": null, \"run_information\": null}]");
        List<SavedQuery> list = saved.list();
        assertSent("GET", "/3.0/projects/p1/queries/saved");
        assertThat(list).extracting(SavedQuery::name).containsExactly("by-country", "bare");
        assertThat(list.get(1).runInformation()).isEmpty();
        assertThat(list.get(1).metadata()).isEmpty();
        assertThat(list.get(1).query().analysisType()).isEqualTo(AnalysisType.FUNNEL);

        server.reply(200, SAVED + "}");
        assertThat(saved.get("by-country").spec().refreshRate()).isEqualTo(Duration.ofSeconds(14400));
        assertSent("GET", "/3.0/projects/p1/queries/saved/by-country");

        server.reply(204, "");
        saved.delete("by-country");
        assertSent("DELETE", "/3.0/projects/p1/queries/saved/by-country");

        server.reply(404, "{\"message\": \"no\", \"error_code\": \"ResourceNotFoundError\"}");
        assertThatThrownBy(() -> saved.get("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aResultIsTypedByTheSavedQueryAndCarriesItsAge() {
        server.reply(200, SAVED + ", \"result\": [{\"country\": \"FR\", \"result\": 2}]}", "Age", "125");

        SavedQueryResult result = saved.result("by-country");

        assertSent("GET", "/3.0/projects/p1/queries/saved/by-country/result");
        assertThat(result.age()).contains(Duration.ofSeconds(125));
        assertThat(result.analysisResult().groups().getFirst().value()).isEqualTo(2L);
        assertThat(result.analysisResult().groups().getFirst().key("country")).isEqualTo("FR");
        assertThatThrownBy(result::funnelResult).isInstanceOf(IllegalStateException.class);

        server.reply(200, "{\"query_name\": \"f\", \"refresh_rate\": 0, \"query\": {\"analysis_type\": \"funnel\","
                + " \"steps\": [{\"event_collection\": \"v\", \"actor_property\": \"u\"}]}, \"result\": {\"result\":"
                + " [5], \"steps\": [{\"event_collection\": \"v\", \"actor_property\": \"u\"}]}}");
        SavedQueryResult funnel = saved.result("f");
        assertThat(funnel.age()).isEqualTo(Optional.empty());
        assertThat(funnel.result()).isInstanceOf(FunnelResult.class);
        assertThat(funnel.funnelResult().counts()).containsExactly(5L);
        assertThatThrownBy(funnel::analysisResult).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refreshRatesOutsideKeensRangeAreRefusedBeforeSending() {
        SavedQuerySpec spec = SavedQuerySpec.of(cairn.events().count("c").definition());
        assertThatThrownBy(() -> spec.withRefreshRate(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withRefreshRate(Duration.ofHours(25))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withRefreshRate(Duration.ofHours(5).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(spec.withRefreshRate(Duration.ofHours(24)).refreshRate()).isEqualTo(Duration.ofDays(1));
        assertThat(server.received()).isEmpty();
    }
}
