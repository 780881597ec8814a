package io.cairn.server.dialect.keen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.CreatedProject;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keen's event API over raw HTTP, exactly as Keen's clients send and read it. */
class KeenEventsIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension()
            .configure(c -> c.withHttp(c.http().withMaxBodySize(DataSize.ofMegabytes(4))));

    private TestHttp http;
    private String pid;
    private String master;
    private String write;
    private String read;

    @BeforeEach
    void setUp() {
        http = server.http();
        CreatedProject project = server.newProject();
        pid = project.project().id().value();
        master = project.keys().get(0).secret();
        write = project.keys().get(1).secret();
        read = project.keys().get(2).secret();
    }

    @Test
    void oneEventAnswers201CreatedAndIsStored() {
        TestResponse response = post("/events/purchases", write, "{\"item\": \"golden widget\", \"price\": 2550}");
        response.assertStatus(201);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().toString()).isEqualTo("{\"created\":true}");
        assertThat(count("purchases")).isEqualTo(1);
    }

    @Test
    void aBatchAnswersOneResultPerEventInOrderAndStoresTheGoodOnes() {
        TestResponse response = post("/events", write, """
                {"signups": [{"username": "a"}, {"bad.name": 1}, {"username": "b"}],
                 "$bad": [{"x": 1}],
                 "clicks": [{"page": "/"}, 17]}""");
        response.assertStatus(200);
        JsonNode body = response.json();
        assertThat(body.path("signups").toString()).isEqualTo("[{\"success\":true},{\"success\":false,\"error\":"
                + "{\"name\":\"InvalidPropertyNameError\",\"description\":\"a property name cannot contain '.': "
                + "bad.name\"}},{\"success\":true}]");
        assertThat(body.path("$bad").get(0).path("error").path("name").asText())
                .isEqualTo("InvalidCollectionNameError");
        assertThat(body.path("clicks").get(1).path("error").path("name").asText()).isEqualTo("InvalidEventError");
        assertThat(count("signups")).isEqualTo(2);
        assertThat(count("clicks")).isEqualTo(1);
        assertThat(count("$bad")).isZero();
    }

    @Test
    void anImageBeaconStoresItsEventAndAnswersAPixelOrJson() {
        String data = Base64.getEncoder().encodeToString("{\"page\": \"/pricing\"}".getBytes(StandardCharsets.UTF_8));
        TestResponse gif = http.get(path("/events/views") + "?api_key=" + write + "&data="
                + URLEncoder.encode(data, StandardCharsets.UTF_8)).send().assertStatus(200);
        assertThat(gif.contentType()).isEqualTo("image/gif");
        assertThat(new String(gif.raw().body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        TestResponse json = http.get(path("/events/views") + "?api_key=" + write + "&data=" + data)
                .header("Accept", "application/json").send().assertStatus(200);
        assertThat(json.json().path("created").asBoolean()).isTrue();
        assertThat(count("views")).isEqualTo(2);
        keenError(http.get(path("/events/views") + "?api_key=" + write + "&data=not-base64!").send(), 400,
                "InvalidEventError");
    }

    @Test
    void collectionsListTheirPropertiesWithKeenTypeNames() {
        post("/events", write, """
                {"purchases": [{"item": {"name": "w", "price": 1.5}, "tags": ["a"], "gift": false,
                                "at": "2024-01-02T03:04:05Z", "note": null}],
                 "views": [{"page": "/"}]}""").assertStatus(200);
        JsonNode all = get("/events", read).assertStatus(200).json();
        assertThat(all).hasSize(2);
        JsonNode purchases = get("/events/purchases", read).assertStatus(200).json();
        assertThat(purchases.path("name").asText()).isEqualTo("purchases");
        assertThat(purchases.path("url").asText()).isEqualTo("/3.0/projects/" + pid + "/events/purchases");
        assertThat(purchases.path("properties").toString()).isEqualTo("{\"keen.timestamp\":\"datetime\","
                + "\"keen.created_at\":\"datetime\",\"keen.id\":\"string\",\"item.name\":\"string\","
                + "\"item.price\":\"num\",\"tags\":\"list\",\"gift\":\"bool\",\"at\":\"datetime\",\"note\":\"null\"}");
        assertThat(all.get(0)).isEqualTo(purchases);
        keenError(get("/events/nothing", read), 404, "ResourceNotFoundError");
    }

    @Test
    void deletesByFilterAndTimeframeAndWholeCollectionsAndProperties() {
        post("/events", write, """
                {"d": [{"n": 1, "keen": {"timestamp": "2024-01-01T10:00:00Z"}},
                       {"n": 2, "keen": {"timestamp": "2024-01-02T10:00:00Z"}},
                       {"n": 3, "keen": {"timestamp": "2024-01-03T10:00:00Z"}, "extra": {"x": 1}}]}""");
        String filters = URLEncoder.encode("[{\"property_name\":\"n\",\"operator\":\"gte\",\"property_value\":2}]",
                StandardCharsets.UTF_8);
        String timeframe = URLEncoder.encode("{\"start\":\"2024-01-02T00:00:00Z\",\"end\":\"2024-01-03T00:00:00Z\"}",
                StandardCharsets.UTF_8);
        delete("/events/d?filters=" + filters + "&timeframe=" + timeframe + "&timezone=UTC", master)
                .assertStatus(204);
        assertThat(count("d")).isEqualTo(2);

        delete("/events/d/properties/extra.x", master).assertStatus(204);
        assertThat(get("/events/d", read).json().path("properties").has("extra.x")).isFalse();

        delete("/events/d", master).assertStatus(204);
        keenError(get("/events/d", read), 404, "ResourceNotFoundError");
        keenError(delete("/events/d", master), 404, "ResourceNotFoundError");
    }

    @Test
    void keysNeedTheRightRoleAndProject() {
        keenError(http.post(path("/events/x")).json("{}").send(), 401, "InvalidApiKeyError");
        keenError(post("/events/x", "f".repeat(64), "{}"), 401, "InvalidApiKeyError");
        keenError(post("/events/x", read, "{}"), 401, "InvalidApiKeyError");
        keenError(get("/events", write), 401, "InvalidApiKeyError");
        JsonNode adminOnly = keenError(delete("/events/x", write), 401, "AdminOnlyEndpointError");
        assertThat(adminOnly.path("message").asText()).contains("master key");
        String otherProject = server.newProject().keys().get(1).secret();
        keenError(post("/events/x", otherProject, "{}"), 401, "InvalidApiKeyError");
        post("/events/x", master, "{}").assertStatus(201);
        http.post(path("/events/x") + "?api_key=" + write).json("{}").send().assertStatus(201);
        get("/events", master).assertStatus(200);
        assertThat(count("x")).isEqualTo(2);
    }

    @Test
    void badEventsAre400WithKeensErrorNamesAndNothingIsStored() {
        keenError(post("/events/bad", write, "{\"a.b\": 1}"), 400, "InvalidPropertyNameError");
        keenError(post("/events/bad", write, "[1]"), 400, "InvalidEventError");
        keenError(post("/events/bad", write, "{\"a\": "), 400, "InvalidJSONError");
        keenError(post("/events/bad", write, ""), 400, "InvalidEventError");
        keenError(post("/events/$bad", write, "{\"a\": 1}"), 400, "InvalidCollectionNameError");
        keenError(post("/events/bad", write, "{\"big\": \"" + "x".repeat(1 << 20) + "\"}"), 400, "InvalidEventError");
        keenError(http.post(path("/events/bad")).header("Authorization", write).header("Content-Type", "text/plain")
                .body("{}".getBytes()).send(), 415, "UnsupportedMediaTypeError");
        keenError(post("/events", write, "[]"), 400, "InvalidEventError");
        keenError(post("/events", write, "{\"c\": {\"not\": \"a list\"}}"), 400, "InvalidEventError");
        keenError(post("/events", write, "{\"c\": [{\"x\": 1}], \"d\": [{\"x\": " + "1".repeat(10) + "]"), 400,
                "InvalidJSONError");
        assertThat(server.core().events().collections(ProjectId.of(pid))).isEmpty();
    }

    @Test
    void aBatchOverTheBodyLimitIs413AndStoresNothing() {
        StringBuilder body = new StringBuilder("{\"big\": [");
        for (int i = 0; i < 50_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"padding\": \"").append("y".repeat(80)).append("\"}");
        }
        keenError(post("/events", write, body.append("]}").toString()), 413, "RequestEntityTooLargeError");
        assertThat(count("big")).isZero();
    }

    @Test
    void refusalsOfLargeBodiesReachTheClientEveryTime() {
        // Answering before the body is read used to reset the connection now and then, losing the answer.
        String body = "{\"big\": [" + ("{\"padding\": \"" + "y".repeat(80) + "\"},").repeat(45_000) + "{}]}";
        for (int i = 0; i < 15; i++) {
            keenError(post("/events", write, body), 413, "RequestEntityTooLargeError");
            keenError(post("/events", "not-a-key", body), 401, "InvalidApiKeyError");
        }
        assertThat(count("big")).isZero();
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyGetsTheSameAnswerAndIsStoredOnce() {
        String batch = "{\"orders\": [{\"n\": 1}, {\"bad.x\": 2}, {\"n\": 3}]}";
        TestResponse first = http.post(path("/events")).header("Authorization", write)
                .header("Idempotency-Key", "retry-1").json(batch).send().assertStatus(200);
        TestResponse again = http.post(path("/events")).header("Authorization", write)
                .header("Idempotency-Key", "retry-1").json(batch).send().assertStatus(200);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(count("orders")).isEqualTo(2);
    }

    @Test
    void doubledSlashesAndJsonContentTypeOnGetsAreFine() {
        post("/events/x", write, "{}").assertStatus(201);
        http.get("//3.0/projects/" + pid + "/events").header("Authorization", read)
                .header("Content-Type", "application/json").send().assertStatus(200);
        keenError(http.get("/3.0/projects/" + pid + "/nothing").header("Authorization", read).send(), 404,
                "ResourceNotFoundError");
    }

    @Test
    void manyConcurrentClientsLoseNothing() throws Exception {
        int clients = 16;
        int perClient = 25;
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        if (i % 5 == 0) {
                            post("/events", write, "{\"load\": [{\"c\": " + client + "}, {\"c\": " + client + "}]}")
                                    .assertStatus(200);
                        } else {
                            post("/events/load", write, "{\"c\": " + client + ", \"i\": " + i + "}").assertStatus(201);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(count("load")).isEqualTo(clients * (perClient / 5 * 2 + perClient * 4 / 5));
    }

    private String path(String suffix) {
        return "/3.0/projects/" + pid + suffix;
    }

    private TestResponse post(String suffix, String key, String json) {
        return http.post(path(suffix)).header("Authorization", key).json(json).send();
    }

    private TestResponse get(String suffix, String key) {
        return http.get(path(suffix)).header("Authorization", key).send();
    }

    private TestResponse delete(String suffix, String key) {
        return http.delete(path(suffix)).header("Authorization", key).send();
    }

    private long count(String collection) {
        return server.core().events().count(ProjectId.of(pid), collection, List.of(), null);
    }

    private static JsonNode keenError(TestResponse response, int status, String errorCode) {
        response.assertStatus(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("error_code").asText()).isEqualTo(errorCode);
        assertThat(body.path("message").asText()).isNotBlank();
        return body;
    }
}
