package io.cairn.server.dialect.keen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.project.CreatedProject;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keen analyses over raw HTTP: both request styles, every response shape, and the errors. */
class KeenQueriesIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private static TestHttp http;
    private static String pid;
    private static String read;
    private static String write;
    private static String master;

    @BeforeAll
    static void load() {
        http = server.http();
        CreatedProject project = server.newProject();
        pid = project.project().id().value();
        master = project.keys().get(0).secret();
        write = project.keys().get(1).secret();
        read = project.keys().get(2).secret();
        http.post("/3.0/projects/" + pid + "/events").header("Authorization", write).json("""
                {"purchases": [
                  {"user": "a", "price": 10, "country": "FR", "keen": {"timestamp": "2024-03-30T10:00:00Z"}},
                  {"user": "b", "price": 20, "country": "FR", "keen": {"timestamp": "2024-03-31T10:00:00Z"}},
                  {"user": "a", "price": 30, "country": "US", "keen": {"timestamp": "2024-03-31T22:30:00Z"}}],
                 "visits": [{"user": "a"}, {"user": "b"}, {"user": "c"}]}""").send().assertStatus(200);
    }

    private static TestResponse get(String analysis, String query) {
        return http.get("/3.0/projects/" + pid + "/queries/" + analysis + "?" + query)
                .header("Authorization", read).header("Content-Type", "application/json").send();
    }

    private static TestResponse post(String analysis, String json) {
        return http.post("/3.0/projects/" + pid + "/queries/" + analysis).header("Authorization", read).json(json)
                .send();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void pythonStyleGetAndJavaStylePostGiveTheSameAnswer() {
        String filters = q("[{\"property_name\":\"price\",\"operator\":\"gt\",\"property_value\":15}]");
        JsonNode viaGet = get("sum", "event_collection=purchases&target_property=price&filters=" + filters)
                .assertStatus(200).json();
        JsonNode viaPost = post("sum", "{\"event_collection\": \"purchases\", \"target_property\": \"price\","
                + " \"filters\": [{\"property_name\": \"price\", \"operator\": \"gt\", \"property_value\": 15}]}")
                .assertStatus(200).json();
        assertThat(viaGet.toString()).isEqualTo("{\"result\":50}");
        assertThat(viaPost).isEqualTo(viaGet);
    }

    @Test
    void groupedAndIntervalShapes() {
        assertThat(get("count", "event_collection=purchases&group_by=country").json().toString())
                .isEqualTo("{\"result\":[{\"country\":\"FR\",\"result\":2},{\"country\":\"US\",\"result\":1}]}");
        assertThat(get("count", "event_collection=purchases&group_by=" + q("[\"country\",\"user\"]")
                + "&order_by=" + q("[{\"property_name\":\"result\",\"direction\":\"DESC\"}]") + "&limit=1")
                .json().path("result")).hasSize(1);
        String timeframe = q("{\"start\":\"2024-03-30T00:00:00+01:00\",\"end\":\"2024-04-01T00:00:00+02:00\"}");
        JsonNode series = get("count", "event_collection=purchases&interval=daily&timezone=Europe/Paris&timeframe="
                + timeframe).assertStatus(200).json().path("result");
        assertThat(series.toString()).isEqualTo("[{\"timeframe\":{\"start\":\"2024-03-30T00:00:00.000+01:00\","
                + "\"end\":\"2024-03-31T00:00:00.000+01:00\"},\"value\":1},{\"timeframe\":{\"start\":"
                + "\"2024-03-31T00:00:00.000+01:00\",\"end\":\"2024-04-01T00:00:00.000+02:00\"},\"value\":1}]");
        JsonNode grouped = get("count", "event_collection=purchases&interval=daily&group_by=country&timeframe="
                + q("{\"start\":\"2024-03-30T00:00:00Z\",\"end\":\"2024-04-01T00:00:00Z\"}")).json().path("result");
        assertThat(grouped.get(1).path("value").toString())
                .isEqualTo("[{\"country\":\"FR\",\"result\":1},{\"country\":\"US\",\"result\":1}]");
        assertThat(grouped.get(0).path("timeframe").path("start").asText()).isEqualTo("2024-03-30T00:00:00.000Z");
    }

    @Test
    void multiAnalysisShowsLabelsAndNoResultKeyInGroups() {
        String analyses = "{\"buyers\": {\"analysis_type\": \"count_unique\", \"target_property\": \"user\"},"
                + " \"revenue\": {\"analysis_type\": \"sum\", \"target_property\": \"price\"}}";
        assertThat(post("multi_analysis", "{\"event_collection\": \"purchases\", \"analyses\": " + analyses + "}")
                .json().toString()).isEqualTo("{\"result\":{\"buyers\":2,\"revenue\":60}}");
        assertThat(get("multi_analysis", "event_collection=purchases&group_by=country&analyses=" + q(analyses))
                .json().toString()).isEqualTo("{\"result\":[{\"country\":\"FR\",\"buyers\":2,\"revenue\":30},"
                + "{\"country\":\"US\",\"buyers\":1,\"revenue\":30}]}");
    }

    @Test
    void everyMetric() {
        String base = "event_collection=purchases&target_property=price";
        assertThat(get("count_unique", "event_collection=purchases&target_property=user").json().path("result")
                .asLong()).isEqualTo(2);
        assertThat(get("minimum", base).json().path("result").asDouble()).isEqualTo(10);
        assertThat(get("maximum", base).json().path("result").asDouble()).isEqualTo(30);
        assertThat(get("average", base).json().path("result").asDouble()).isEqualTo(20);
        assertThat(get("median", base).json().path("result").asDouble()).isEqualTo(20);
        assertThat(get("percentile", base + "&percentile=50").json().path("result").asDouble()).isEqualTo(20);
        assertThat(get("standard_deviation", base).json().path("result").asDouble())
                .isCloseTo(Math.sqrt(200.0 / 3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(get("select_unique", "event_collection=purchases&target_property=country").json().toString())
                .isEqualTo("{\"result\":[\"FR\",\"US\"]}");
    }

    @Test
    void extractionAndFunnel() {
        JsonNode events = get("extraction", "event_collection=purchases&latest=2").assertStatus(200).json()
                .path("result");
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("keen").path("timestamp").asText()).isEqualTo("2024-03-31T22:30:00.000Z");
        assertThat(events.get(1).path("price").asDouble()).isEqualTo(30);
        JsonNode funnel = post("funnel", "{\"steps\": [{\"event_collection\": \"visits\", \"actor_property\": \"user\"},"
                + " {\"event_collection\": \"purchases\", \"actor_property\": \"user\", \"with_actors\": true}]}")
                .assertStatus(200).json();
        assertThat(funnel.path("result").toString()).isEqualTo("[3,2]");
        assertThat(funnel.path("actors").toString()).isEqualTo("[null,[\"a\",\"b\"]]");
    }

    @Test
    void anAccessKeysForcedFiltersAndTimeframeApplyToEveryQuery() {
        String key = http.post("/3.0/projects/" + pid + "/keys").header("Authorization", master).json("""
                {"name": "fr-only", "permitted": ["queries"], "options": {"queries": {
                  "filters": [{"property_name": "country", "operator": "eq", "property_value": "FR"}],
                  "timeframe": {"start": "2024-03-31T00:00:00Z", "end": "2025-01-01T00:00:00Z"}}}}""")
                .send().assertStatus(201).json().path("key").asText();
        assertThat(http.get("/3.0/projects/" + pid + "/queries/count?event_collection=purchases")
                .header("Authorization", key).send().assertStatus(200).json().path("result").asLong()).isEqualTo(1);
        assertThat(http.get("/3.0/projects/" + pid + "/queries/count?event_collection=purchases&timeframe="
                + q("{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-03-31T00:00:00Z\"}"))
                .header("Authorization", key).send().assertStatus(200).json().path("result").asLong()).isZero();
        assertThat(http.get("/3.0/projects/" + pid + "/queries/extraction?event_collection=purchases")
                .header("Authorization", key).send().json().path("result")).hasSize(1);
        keenError(http.post("/3.0/projects/" + pid + "/events/purchases").header("Authorization", key).json("{}")
                .send(), "InvalidApiKeyError", 401);
    }

    @Test
    void badQueriesAre400NamingTheProblem() {
        keenError(get("nonsense", "event_collection=purchases"), "BadRequestError");
        keenError(get("sum", "event_collection=purchases"), "BadRequestError");
        keenError(get("count", "event_collection=purchases&timeframe=last_forever"), "InvalidTimeframeError");
        keenError(get("count", "event_collection=purchases&timeframe=this_2_days&interval=fortnightly"),
                "InvalidIntervalError");
        keenError(get("count", "event_collection=purchases&timeframe=this_10_years&interval=minutely"),
                "InvalidIntervalError");
        keenError(get("count", "event_collection=purchases&interval=daily"), "InvalidTimeframeError");
        keenError(get("count", "event_collection=purchases&timezone=Mars/Olympus"), "InvalidTimezoneError");
        keenError(get("count", "event_collection=purchases&filters=" + q("[{\"property_name\":\"a\","
                + "\"operator\":\"like\",\"property_value\":1}]")), "InvalidFilterError");
        keenError(get("count", "event_collection=purchases&filters=" + q("[{")), "BadRequestError");
        keenError(get("count", ""), "BadRequestError");
        keenError(post("funnel", "{\"steps\": []}"), "BadRequestError");
        keenError(http.get("/3.0/projects/" + pid + "/queries/count?event_collection=purchases")
                .header("Authorization", write).send(), "InvalidApiKeyError", 401);
    }

    private static void keenError(TestResponse response, String code) {
        keenError(response, code, 400);
    }

    private static void keenError(TestResponse response, String code, int status) {
        response.assertStatus(status);
        assertThat(response.json().path("error_code").asText()).isEqualTo(code);
        assertThat(response.json().path("message").asText()).isNotBlank();
    }
}
