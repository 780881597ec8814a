package io.cairn.server.dialect.keen;

import static io.cairn.server.dialect.keen.KeenCalls.keenError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.SchedulerConfig;
import io.cairn.core.testing.MutableClock;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keen's saved and cached queries ({@code /queries/saved}) over raw HTTP, on a clock the test moves and a scheduler
 * that ticks every 50 ms.
 */
class KeenSavedQueriesIT {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension().withClock(CLOCK)
            .configure(c -> c.withCore(c.core().withScheduler(new SchedulerConfig(Duration.ofMillis(50)))));

    private static final String COUNT = """
            {"refresh_rate": 0, "query": {"analysis_type": "count", "event_collection": "buys",
             "timeframe": "this_7_days", "group_by": "country"}, "metadata": {"display_name": "Buys by country"}}""";

    private KeenCalls keen;

    @BeforeEach
    void setUp() {
        keen = KeenCalls.forNewProject(server);
    }

    @Test
    void aSavedQueryIsCreatedReadListedReplacedAndDeleted() {
        TestResponse created = keen.put("/queries/saved/buys-by-country", keen.master(), COUNT).assertStatus(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode query = created.json();
        assertThat(query.path("query_name").asText()).isEqualTo("buys-by-country");
        assertThat(query.path("refresh_rate").asInt()).isZero();
        // Keen's Java client requires group_by to be a list.
        assertThat(query.path("query").toString()).isEqualTo("{\"analysis_type\":\"count\",\"event_collection\":"
                + "\"buys\",\"timeframe\":\"this_7_days\",\"group_by\":[\"country\"]}");
        assertThat(query.path("metadata").path("display_name").asText()).isEqualTo("Buys by country");
        assertThat(query.path("created_date").asText()).isEqualTo("2026-03-10T12:00:00.000Z");
        assertThat(query.path("last_modified_date").asText()).isEqualTo("2026-03-10T12:00:00.000Z");
        assertThat(query.path("run_information").isNull()).isTrue();

        assertThat(keen.get("/queries/saved/buys-by-country", keen.master()).assertStatus(200).json()).isEqualTo(query);
        JsonNode all = keen.get("/queries/saved", keen.master()).assertStatus(200).json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).containsExactly(query);

        // What a client read it can send back to update it, as Keen's clients do.
        ((com.fasterxml.jackson.databind.node.ObjectNode) query.get("query")).put("timeframe", "this_30_days");
        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode replaced = keen.put("/queries/saved/buys-by-country", keen.master(), query.toString())
                .assertStatus(200).json();
        assertThat(replaced.path("query").path("timeframe").asText()).isEqualTo("this_30_days");
        assertThat(replaced.path("created_date")).isEqualTo(query.path("created_date"));
        assertThat(replaced.path("last_modified_date").asText()).isEqualTo("2026-03-10T12:01:00.000Z");

        keen.delete("/queries/saved/buys-by-country", keen.master()).assertStatus(204);
        keenError(keen.get("/queries/saved/buys-by-country", keen.master()), 404, "ResourceNotFoundError");
        keenError(keen.delete("/queries/saved/buys-by-country", keen.master()), 404, "ResourceNotFoundError");
        assertThat(keen.get("/queries/saved", keen.master()).json()).isEmpty();
    }

    @Test
    void anUncachedQueryIsAnsweredFreshWithTheDefinitionAndTheResult() {
        keen.post("/events", keen.write(), """
                {"buys": [{"country": "FR", "keen": {"timestamp": "2026-03-09T10:00:00Z"}},
                          {"country": "FR", "keen": {"timestamp": "2026-03-09T11:00:00Z"}},
                          {"country": "US", "keen": {"timestamp": "2026-03-10T10:00:00Z"}},
                          {"country": "US", "keen": {"timestamp": "2026-01-01T10:00:00Z"}}]}""").assertStatus(200);
        keen.put("/queries/saved/q", keen.master(), COUNT).assertStatus(201);
        TestResponse answer = keen.get("/queries/saved/q/result", keen.read()).assertStatus(200);
        assertThat(answer.header("Age")).isEmpty();
        JsonNode body = answer.json();
        assertThat(body.path("query_name").asText()).isEqualTo("q");
        assertThat(body.path("query").path("analysis_type").asText()).isEqualTo("count");
        assertThat(body.path("result").toString())
                .isEqualTo("[{\"country\":\"FR\",\"result\":2},{\"country\":\"US\",\"result\":1}]");

        keen.post("/events/buys", keen.write(),
                "{\"country\": \"US\", \"keen\": {\"timestamp\": \"2026-03-10T11:00:00Z\"}}").assertStatus(201);
        assertThat(keen.get("/queries/saved/q/result", keen.read()).json().path("result").toString())
                .isEqualTo("[{\"country\":\"FR\",\"result\":2},{\"country\":\"US\",\"result\":2}]");
    }

    @Test
    void savedFunnelsAndMultiAnalysesAnswerInKeensShapes() {
        keen.post("/events", keen.write(), """
                {"visits": [{"user": "a"}, {"user": "b"}], "buys": [{"user": "a", "price": 5}]}""").assertStatus(200);
        keen.put("/queries/saved/funnel", keen.master(), """
                {"query": {"analysis_type": "funnel", "steps": [
                  {"event_collection": "visits", "actor_property": "user"},
                  {"event_collection": "buys", "actor_property": "user"}]}}""").assertStatus(201);
        JsonNode funnel = keen.get("/queries/saved/funnel/result", keen.read()).assertStatus(200).json().path("result");
        assertThat(funnel.path("result").toString()).isEqualTo("[2,1]");
        assertThat(funnel.path("steps")).hasSize(2);

        keen.put("/queries/saved/multi", keen.master(), """
                {"query": {"analysis_type": "multi_analysis", "event_collection": "buys",
                 "analyses": {"n": {"analysis_type": "count"},
                              "total": {"analysis_type": "sum", "target_property": "price"}}}}""")
                .assertStatus(201);
        assertThat(keen.get("/queries/saved/multi/result", keen.read()).json().path("result").toString())
                .isEqualTo("{\"n\":1,\"total\":5}");
    }

    @Test
    void aCachedQueryIsServedWithItsAgeAndRefreshedByTheSchedulerWhenItsRateHasPassed() throws Exception {
        keen.post("/events", keen.write(), "{\"hits\": [{\"n\": 1}, {\"n\": 2}]}").assertStatus(200);
        keen.put("/queries/saved/hits", keen.master(), """
                {"refresh_rate": 14400, "query": {"analysis_type": "count", "event_collection": "hits"}}""")
                .assertStatus(201);
        JsonNode first = waitForResult("hits", 2);
        assertThat(first.path("refresh_rate").asInt()).isEqualTo(14400);
        JsonNode run = first.path("run_information");
        assertThat(run.path("last_run_status").asText()).isEqualTo("success");
        assertThat(run.path("last_run_date").asText()).isEqualTo(at(CLOCK.instant()));
        assertThat(run.path("next_run_date").asText()).isEqualTo(at(CLOCK.instant().plusSeconds(14400)));

        keen.post("/events/hits", keen.write(), "{\"n\": 3}").assertStatus(201);
        CLOCK.advance(Duration.ofHours(1));
        Thread.sleep(200);
        TestResponse cached = keen.get("/queries/saved/hits/result", keen.read()).assertStatus(200);
        assertThat(cached.json().path("result").asInt()).isEqualTo(2);
        assertThat(cached.header("Age")).contains("3600");

        CLOCK.advance(Duration.ofHours(3));
        JsonNode refreshed = waitForResult("hits", 3);
        assertThat(refreshed.path("run_information").path("last_run_date").asText()).isEqualTo(at(CLOCK.instant()));
    }

    @Test
    void badDefinitionsAre400WithKeensErrorNamesAndNothingIsSaved() {
        String count = "{\"analysis_type\": \"count\", \"event_collection\": \"buys\"}";
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"refresh_rate\": 60, \"query\": " + count + "}"), 400,
                "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(),
                "{\"refresh_rate\": \"often\", \"query\": " + count + "}"), 400, "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"refresh_rate\": 0}"), 400, "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": {\"event_collection\": \"buys\"}}"), 400,
                "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": {\"analysis_type\": \"sum\","
                + " \"event_collection\": \"buys\"}}"), 400, "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": {\"analysis_type\": \"extraction\","
                + " \"event_collection\": \"buys\"}}"), 400, "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": {\"analysis_type\": \"count\","
                + " \"event_collection\": \"buys\", \"timeframe\": \"this_many_days\"}}"), 400,
                "InvalidTimeframeError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": " + count + ", \"colour\": \"red\"}"), 400,
                "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{\"query\": " + count + ", \"metadata\": [1]}"), 400,
                "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "[1]"), 400, "BadRequestError");
        keenError(keen.put("/queries/saved/q", keen.master(), "{"), 400, "InvalidJSONError");
        assertThat(keen.get("/queries/saved", keen.master()).json()).isEmpty();
        keenError(keen.get("/queries/saved/q/result", keen.read()), 404, "ResourceNotFoundError");
    }

    @Test
    void definitionsNeedTheMasterKeyAndResultsAReadKey() {
        keen.put("/queries/saved/q", keen.master(), COUNT).assertStatus(201);
        keenError(keen.put("/queries/saved/q", keen.read(), COUNT), 401, "AdminOnlyEndpointError");
        keenError(keen.get("/queries/saved", keen.read()), 401, "AdminOnlyEndpointError");
        keenError(keen.get("/queries/saved/q", keen.read()), 401, "AdminOnlyEndpointError");
        keenError(keen.delete("/queries/saved/q", keen.write()), 401, "AdminOnlyEndpointError");
        keenError(keen.get("/queries/saved/q/result", keen.write()), 401, "InvalidApiKeyError");
        keenError(keen.get("/queries/saved/q/result", "f".repeat(64)), 401, "InvalidApiKeyError");
        keen.get("/queries/saved/q/result", keen.master()).assertStatus(200);
    }

    @Test
    void anAccessKeySeesOnlyTheSavedQueriesItIsAllowed() {
        keen.put("/queries/saved/open", keen.master(), COUNT).assertStatus(201);
        keen.put("/queries/saved/secret", keen.master(), COUNT).assertStatus(201);
        String dashboard = keen.post("/keys", keen.master(), """
                {"name": "dashboard", "permitted": ["saved_queries"],
                 "options": {"saved_queries": {"allowed": ["open"]}}}""").assertStatus(201).json().path("key").asText();
        keen.get("/queries/saved/open/result", dashboard).assertStatus(200);
        keenError(keen.get("/queries/saved/secret/result", dashboard), 401, "InvalidApiKeyError");
        assertThat(keen.get("/queries/saved", dashboard).assertStatus(200).json())
                .extracting(query -> query.path("query_name").asText()).containsExactly("open");
        keen.get("/queries/saved/open", dashboard).assertStatus(200);
        keenError(keen.get("/queries/saved/secret", dashboard), 401, "InvalidApiKeyError");
        keenError(keen.put("/queries/saved/open", dashboard, COUNT), 401, "AdminOnlyEndpointError");
        keenError(keen.get("/queries/count?event_collection=buys", dashboard), 401, "InvalidApiKeyError");

        String cachedOnly = keen.post("/keys", keen.master(), """
                {"name": "cached", "permitted": ["cached_queries"]}""").assertStatus(201).json().path("key").asText();
        keenError(keen.get("/queries/saved/open/result", cachedOnly), 401, "InvalidApiKeyError");
        keen.put("/queries/saved/cached", keen.master(), """
                {"refresh_rate": 86400, "query": {"analysis_type": "count", "event_collection": "buys"}}""")
                .assertStatus(201);
        keen.get("/queries/saved/cached/result", cachedOnly).assertStatus(200);
    }

    /** The result once the scheduler (or this read) has produced {@code expected}; fails after 10 s. */
    private JsonNode waitForResult(String name, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body;
        do {
            body = keen.get("/queries/saved/" + name + "/result", keen.read()).assertStatus(200).json();
            if (body.path("result").asInt() == expected) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the result stayed " + body.path("result") + ", expected " + expected);
    }

    private static String at(Instant instant) {
        return io.cairn.server.http.WireTime.format(instant);
    }
}
