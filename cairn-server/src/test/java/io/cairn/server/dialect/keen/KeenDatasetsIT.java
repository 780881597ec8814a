package io.cairn.server.dialect.keen;

import static io.cairn.server.dialect.keen.KeenCalls.keenError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.SchedulerConfig;
import io.cairn.core.testing.MutableClock;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keen's cached datasets ({@code /datasets}) over raw HTTP, on a clock the test moves and a 50 ms scheduler. */
class KeenDatasetsIT {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-20T15:00:00Z"));

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension().withClock(CLOCK)
            .configure(c -> c.withCore(c.core().withScheduler(new SchedulerConfig(Duration.ofMillis(50)))));

    private static final String DAILY_SALES = """
            {"display_name": "Daily sales", "index_by": "shop",
             "query": {"analysis_type": "sum", "target_property": "price", "event_collection": "buys",
                       "timeframe": "this_7_days", "interval": "daily", "timezone": 7200}}""";

    private static final DateTimeFormatter ISO_PLUS_2 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private KeenCalls keen;

    @BeforeEach
    void setUp() {
        keen = KeenCalls.forNewProject(server);
        keen.post("/events", keen.write(), """
                {"buys": [{"shop": "a", "price": 3, "keen": {"timestamp": "2026-05-18T10:00:00Z"}},
                          {"shop": "a", "price": 4, "keen": {"timestamp": "2026-05-18T23:30:00Z"}},
                          {"shop": "b", "price": 5, "keen": {"timestamp": "2026-05-19T01:00:00Z"}},
                          {"shop": "a", "price": 6, "keen": {"timestamp": "2026-05-20T09:00:00Z"}}]}""")
                .assertStatus(200);
        CLOCK.advance(Duration.ofSeconds(1));
    }

    @Test
    void aDatasetIsCreatedReadListedReplacedAndDeleted() {
        TestResponse created = keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(201);
        JsonNode dataset = created.json();
        assertThat(dataset.path("dataset_name").asText()).isEqualTo("sales");
        assertThat(dataset.path("display_name").asText()).isEqualTo("Daily sales");
        assertThat(dataset.path("project_id").asText()).isEqualTo(keen.pid());
        assertThat(dataset.path("index_by").toString()).isEqualTo("[\"shop\"]");
        // Keen's Java client reads the timezone as a string.
        assertThat(dataset.path("query").path("timezone").asText()).isEqualTo("7200");
        assertThat(dataset.path("query").path("timezone").isTextual()).isTrue();
        assertThat(dataset.path("query").path("analysis_type").asText()).isEqualTo("sum");
        assertThat(dataset.has("last_scheduled_date")).isTrue();
        assertThat(dataset.has("milliseconds_behind")).isTrue();

        assertThat(keen.get("/datasets/sales", keen.read()).assertStatus(200).json().path("dataset_name").asText())
                .isEqualTo("sales");
        keen.put("/datasets/visits", keen.master(), DAILY_SALES.replace("\"sum\", \"target_property\": \"price\"",
                "\"count\"")).assertStatus(201);
        JsonNode page = keen.get("/datasets?limit=1", keen.read()).assertStatus(200).json();
        assertThat(page.path("count").asInt()).isEqualTo(2);
        assertThat(page.path("datasets")).extracting(d -> d.path("dataset_name").asText()).containsExactly("sales");
        String next = page.path("next_page_url").asText();
        assertThat(next).endsWith("?limit=1&after_name=sales");
        JsonNode second = server.http().get(next).header("Authorization", keen.read()).send().assertStatus(200).json();
        assertThat(second.path("datasets")).extracting(d -> d.path("dataset_name").asText())
                .containsExactly("visits");
        assertThat(second.path("next_page_url").isNull()).isTrue();

        keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(200);
        keen.delete("/datasets/sales", keen.master()).assertStatus(204);
        keenError(keen.get("/datasets/sales", keen.read()), 404, "ResourceNotFoundError");
        keenError(keen.get("/datasets/sales/results?index_by=a&timeframe=this_1_days", keen.read()), 404,
                "ResourceNotFoundError");
    }

    @Test
    void resultsAreTheIndexValuesBucketsInTheDatasetsZone() {
        keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(201);
        JsonNode a = results("sales", "a", "this_3_days");
        assertThat(a.path("result").toString()).isEqualTo("[{\"timeframe\":{\"start\":\"2026-05-18T00:00:00.000+02:00\","
                + "\"end\":\"2026-05-19T00:00:00.000+02:00\"},\"value\":3},"
                + "{\"timeframe\":{\"start\":\"2026-05-19T00:00:00.000+02:00\",\"end\":\"2026-05-20T00:00:00.000+02:00\"},"
                + "\"value\":4},{\"timeframe\":{\"start\":\"2026-05-20T00:00:00.000+02:00\","
                + "\"end\":\"" + ISO_PLUS_2.format(CLOCK.instant().atOffset(ZoneOffset.ofHours(2)))
                + "\"},\"value\":6}]");
        assertThat(values(results("sales", "{\"shop\":\"b\"}", "this_3_days"))).isEqualTo("[0,5,0]");
        assertThat(values(results("sales", "\"b\"", "this_3_days"))).isEqualTo("[0,5,0]");
        assertThat(values(results("sales", "nobody", "this_3_days"))).isEqualTo("[0,0,0]");
        assertThat(values(results("sales", "a",
                "{\"start\":\"2026-05-18T22:00:00Z\",\"end\":\"2026-05-19T22:00:00Z\"}"))).isEqualTo("[4]");
    }

    @Test
    void newEventsReachTheResultsThroughTheScheduler() throws Exception {
        keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(201);
        assertThat(values(results("sales", "a", "this_1_days"))).isEqualTo("[6]");
        keen.post("/events/buys", keen.write(), "{\"shop\": \"a\", \"price\": 10, \"keen\": {\"timestamp\": "
                + "\"2026-05-20T14:00:00Z\"}}").assertStatus(201);
        CLOCK.advance(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String value;
        do {
            Thread.sleep(50);
            value = values(results("sales", "a", "this_1_days"));
        } while (!value.equals("[16]") && System.nanoTime() < deadline);
        assertThat(value).isEqualTo("[16]");
        JsonNode definition = keen.get("/datasets/sales", keen.read()).json();
        assertThat(definition.path("status").asText()).isEqualTo("OK");
        assertThat(definition.path("latest_subtimeframe_available").asText()).isEqualTo("2026-05-19T22:00:00.000Z");
    }

    @Test
    void multiAnalysisAndGroupedDatasetsAnswerInKeensShapes() {
        keen.put("/datasets/multi", keen.master(), """
                {"index_by": ["shop"], "query": {"analysis_type": "multi_analysis", "event_collection": "buys",
                 "timeframe": "this_2_days", "interval": "daily",
                 "analyses": {"n": {"analysis_type": "count"},
                              "p50": {"analysis_type": "percentile", "target_property": "price", "percentile": 50}}}}""")
                .assertStatus(201);
        JsonNode multi = results("multi", "a", "this_1_days").path("result").get(0).path("value");
        assertThat(multi.toString()).isEqualTo("{\"n\":1,\"p50\":6}");
        assertThat(keen.get("/datasets/multi", keen.read()).json().path("query").path("analyses").path("p50")
                .path("percentile").asText()).isEqualTo("50");

        keen.put("/datasets/grouped", keen.master(), """
                {"index_by": "shop", "query": {"analysis_type": "count", "event_collection": "buys",
                 "timeframe": "this_3_days", "interval": "daily", "group_by": "price"}}""").assertStatus(201);
        assertThat(results("grouped", "a", "this_3_days").path("result").get(0).path("value").toString())
                .isEqualTo("[{\"price\":3,\"result\":1},{\"price\":4,\"result\":1}]");
    }

    @Test
    void badDefinitionsAndRequestsAre400AndNothingIsSaved() {
        String query = "\"analysis_type\": \"count\", \"event_collection\": \"buys\"";
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": \"shop\", \"query\": {" + query
                + ", \"timeframe\": \"this_7_days\"}}"), 400, "BadRequestError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": \"shop\", \"query\": {" + query
                + ", \"interval\": \"daily\", \"timeframe\": {\"start\": \"2026-01-01T00:00:00Z\","
                + " \"end\": \"2026-02-01T00:00:00Z\"}}}"), 400, "InvalidTimeframeError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"query\": {" + query + ", \"interval\": \"daily\","
                + " \"timeframe\": \"this_7_days\"}}"), 400, "BadRequestError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": \"shop\", \"query\": {\"analysis_type\":"
                + " \"funnel\", \"interval\": \"daily\", \"timeframe\": \"this_7_days\"}}"), 400, "BadRequestError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": \"shop\", \"query\": {" + query
                + ", \"interval\": \"minutely\", \"timeframe\": \"this_30_days\"}}"), 400, "InvalidIntervalError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": \"shop\", \"colour\": 1, \"query\": {" + query
                + ", \"interval\": \"daily\", \"timeframe\": \"this_7_days\"}}"), 400, "BadRequestError");
        keenError(keen.put("/datasets/d", keen.master(), "{\"index_by\": [1], \"query\": {" + query
                + ", \"interval\": \"daily\", \"timeframe\": \"this_7_days\"}}"), 400, "BadRequestError");
        assertThat(keen.get("/datasets", keen.read()).json().path("count").asInt()).isZero();

        keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(201);
        keenError(keen.get("/datasets/sales/results?index_by=a", keen.read()), 400, "BadRequestError");
        keenError(keen.get("/datasets/sales/results?timeframe=this_1_days", keen.read()), 400, "BadRequestError");
        keenError(keen.get("/datasets/sales/results?index_by=a&timeframe=this_8_days", keen.read()), 400,
                "InvalidTimeframeError");
        keenError(keen.get("/datasets/sales/results?index_by=%7B%22shop%22%3A%5B1%5D%7D&timeframe=this_1_days",
                keen.read()), 400, "BadRequestError");
        keenError(keen.get("/datasets?limit=0", keen.read()), 400, "BadRequestError");
    }

    @Test
    void keysNeedTheirRoleAndAccessKeysStayWithinTheirDatasetOptions() {
        keen.put("/datasets/sales", keen.master(), DAILY_SALES).assertStatus(201);
        keen.put("/datasets/other", keen.master(), DAILY_SALES).assertStatus(201);
        keenError(keen.put("/datasets/x", keen.read(), DAILY_SALES), 401, "AdminOnlyEndpointError");
        keenError(keen.delete("/datasets/sales", keen.read()), 401, "AdminOnlyEndpointError");
        keenError(keen.get("/datasets/sales", keen.write()), 401, "InvalidApiKeyError");
        keenError(keen.get("/datasets/sales/results?index_by=a&timeframe=this_1_days", keen.write()), 401,
                "InvalidApiKeyError");

        String embed = keen.post("/keys", keen.master(), """
                {"name": "embed", "permitted": ["datasets"],
                 "options": {"datasets": {"operations": ["read", "retrieve"],
                                          "allowed": {"sales": {"index_by": {"shop": ["a"]}}}}}}""")
                .assertStatus(201).json().path("key").asText();
        assertThat(values(results("sales", "a", "this_1_days", embed))).isEqualTo("[6]");
        keenError(keen.get("/datasets/sales/results?index_by=b&timeframe=this_1_days", embed), 401,
                "InvalidApiKeyError");
        keenError(keen.get("/datasets/other/results?index_by=a&timeframe=this_1_days", embed), 401,
                "InvalidApiKeyError");
        keen.get("/datasets/sales", embed).assertStatus(200);
        keenError(keen.get("/datasets", embed), 401, "InvalidApiKeyError");
        keenError(keen.get("/queries/count?event_collection=buys", embed), 401, "InvalidApiKeyError");

        String blocked = keen.post("/keys", keen.master(), """
                {"name": "blocked", "permitted": ["datasets"], "options": {"datasets": {"blocked": ["other"]}}}""")
                .assertStatus(201).json().path("key").asText();
        assertThat(keen.get("/datasets", blocked).assertStatus(200).json().path("datasets"))
                .extracting(d -> d.path("dataset_name").asText()).containsExactly("sales");
        keenError(keen.post("/keys", keen.master(), """
                {"name": "bad", "permitted": ["datasets"], "options": {"datasets": {"operations": ["fly"]}}}"""),
                400, "BadRequestError");
    }

    private JsonNode results(String dataset, String indexBy, String timeframe) {
        return results(dataset, indexBy, timeframe, keen.read());
    }

    private JsonNode results(String dataset, String indexBy, String timeframe, String key) {
        return keen.get("/datasets/" + dataset + "/results?index_by=" + encode(indexBy) + "&timeframe="
                + encode(timeframe), key).assertStatus(200).json();
    }

    private static String values(JsonNode results) {
        StringBuilder values = new StringBuilder("[");
        results.path("result").forEach(bucket -> values.append(values.length() > 1 ? "," : "")
                .append(bucket.path("value")));
        return values.append("]").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
