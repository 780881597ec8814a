package io.cairn.server.dialect.keen;

import static io.cairn.server.dialect.keen.KeenCalls.keenError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.testing.KeenScopedKeyProducer;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keen's access keys API ({@code /keys}) over raw HTTP, as Keen's clients call it and read its answers. */
class KeenKeysIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private static final String INGEST = """
            {"name": "ingest", "is_active": true, "permitted": ["writes"],
             "options": {"writes": {"autofill": {"tenant": "acme"}}, "cached_queries": {"allowed": ["x"]}}}""";

    private KeenCalls keen;

    @BeforeEach
    void setUp() {
        keen = KeenCalls.forNewProject(server);
    }

    @Test
    void anAccessKeyIsCreatedListedReadUpdatedRevokedUnrevokedAndDeleted() {
        TestResponse created = keen.post("/keys", keen.master(), INGEST).assertStatus(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode key = created.json();
        String secret = key.path("key").asText();
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(key.path("name").asText()).isEqualTo("ingest");
        assertThat(key.path("is_active").asBoolean()).isTrue();
        assertThat(key.path("permitted").toString()).isEqualTo("[\"writes\"]");
        assertThat(key.path("options").toString()).isEqualTo("{\"writes\":{\"autofill\":{\"tenant\":\"acme\"}},"
                + "\"cached_queries\":{\"allowed\":[\"x\"]}}");
        assertThat(key.path("project_id").asText()).isEqualTo(keen.pid());
        keen.post("/events/e", secret, "{}").assertStatus(201);

        JsonNode all = keen.get("/keys", keen.master()).assertStatus(200).json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).isEqualTo(key);
        assertThat(keen.get("/keys/" + secret, keen.master()).assertStatus(200).json()).isEqualTo(key);

        JsonNode updated = keen.post("/keys/" + secret, keen.master(),
                "{\"name\": \"schema\", \"is_active\": true, \"permitted\": [\"schema\"], \"options\": {}}")
                .assertStatus(200).json();
        assertThat(updated.path("key").asText()).isEqualTo(secret);
        assertThat(updated.path("name").asText()).isEqualTo("schema");
        assertThat(updated.path("permitted").toString()).isEqualTo("[\"schema\"]");
        assertThat(updated.path("created_date").asText()).isEqualTo(key.path("created_date").asText());
        keenError(keen.post("/events/e", secret, "{}"), 401, "InvalidApiKeyError");
        keen.get("/events", secret).assertStatus(200);

        assertThat(keen.post("/keys/" + secret + "/revoke", keen.master(), "").assertStatus(200).json()
                .path("is_active").asBoolean()).isFalse();
        keenError(keen.get("/events", secret), 401, "InvalidApiKeyError");
        assertThat(keen.get("/keys/" + secret, keen.master()).json().path("is_active").asBoolean()).isFalse();
        assertThat(keen.post("/keys/" + secret + "/unrevoke", keen.master(), "").assertStatus(200).json()
                .path("is_active").asBoolean()).isTrue();
        keen.get("/events", secret).assertStatus(200);

        TestResponse deleted = keen.delete("/keys/" + secret, keen.master()).assertStatus(204);
        assertThat(deleted.text()).isEmpty();
        keenError(keen.get("/keys/" + secret, keen.master()), 404, "ResourceNotFoundError");
        keenError(keen.get("/events", secret), 401, "InvalidApiKeyError");
        assertThat(keen.get("/keys", keen.master()).json()).isEmpty();
    }

    @Test
    void aKeyCreatedInactiveIsRefusedUntilUnrevoked() {
        String secret = keen.post("/keys", keen.master(), "{\"name\": \"later\", \"is_active\": false,"
                + " \"permitted\": [\"schema\"]}").assertStatus(201).json().path("key").asText();
        keenError(keen.get("/events", secret), 401, "InvalidApiKeyError");
        keen.post("/keys/" + secret + "/unrevoke", keen.master(), "").assertStatus(200);
        keen.get("/events", secret).assertStatus(200);
    }

    @Test
    void badKeyBodiesAre400InKeensShapeAndStoreNothing() {
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"permitted\": [\"writes\", \"delete\"]}"), 400,
                "BadRequestError");
        keenError(keen.post("/keys", keen.master(), "{\"permitted\": [\"writes\"]}"), 400, "BadRequestError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"is_active\": \"yes\"}"), 400,
                "BadRequestError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"options\": \"all\"}"), 400, "BadRequestError");
        keenError(keen.post("/keys", keen.master(),
                "{\"name\": \"k\", \"options\": {\"queries\": {\"filters\": \"x\"}}}"), 400, "InvalidFilterError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"options\": {\"queries\": {\"filters\": [{"
                + "\"property_name\": \"a\", \"operator\": \"near\", \"property_value\": 1}]}}}"), 400,
                "InvalidFilterError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"options\": {\"queries\": {\"timeframe\": "
                + "\"someday\"}}}"), 400, "InvalidTimeframeError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": \"k\", \"options\": {\"writes\": {\"autofill\": "
                + "{\"a.b\": 1}}}}"), 400, "InvalidPropertyNameError");
        keenError(keen.post("/keys", keen.master(), "{\"name\": "), 400, "InvalidJSONError");
        keenError(keen.post("/keys", keen.master(), "[]"), 400, "BadRequestError");
        keenError(keen.http().post(keen.path("/keys")).header("Authorization", keen.master())
                .header("Content-Type", "text/plain").body(INGEST.getBytes()).send(), 415,
                "UnsupportedMediaTypeError");
        assertThat(keen.get("/keys", keen.master()).json()).isEmpty();

        String secret = keen.post("/keys", keen.master(), INGEST).assertStatus(201).json().path("key").asText();
        keenError(keen.post("/keys/" + secret, keen.master(), "{\"name\": \"k\", \"permitted\": [\"all\"]}"), 400,
                "BadRequestError");
        assertThat(keen.get("/keys/" + secret, keen.master()).json().path("permitted").toString())
                .isEqualTo("[\"writes\"]");
    }

    @Test
    void theKeysApiIsForTheMasterKeyOnly() {
        String all = "{\"name\": \"all\", \"permitted\": [\"writes\", \"queries\", \"saved_queries\","
                + " \"cached_queries\", \"datasets\", \"schema\"]}";
        String access = keen.post("/keys", keen.master(), all).assertStatus(201).json().path("key").asText();
        String scoped = KeenScopedKeyProducer.PYTHON.encrypt(keen.master(),
                "{\"allowed_operations\": [\"read\", \"write\"]}");
        List<Function<String, TestResponse>> routes = List.of(
                key -> keen.post("/keys", key, all),
                key -> keen.get("/keys", key),
                key -> keen.get("/keys/" + access, key),
                key -> keen.post("/keys/" + access, key, "{\"name\": \"taken\", \"permitted\": []}"),
                key -> keen.post("/keys/" + access + "/revoke", key, ""),
                key -> keen.post("/keys/" + access + "/unrevoke", key, ""),
                key -> keen.delete("/keys/" + access, key));
        for (String key : List.of(keen.write(), keen.read(), access, scoped)) {
            for (Function<String, TestResponse> route : routes) {
                JsonNode error = keenError(route.apply(key), 401, "AdminOnlyEndpointError");
                assertThat(error.path("message").asText()).contains("master key");
            }
        }
        String otherMaster = server.newProject().keys().get(0).secret();
        keenError(keen.get("/keys", otherMaster), 401, "InvalidApiKeyError");
        keenError(keen.http().get(keen.path("/keys")).send(), 401, "InvalidApiKeyError");
        JsonNode unchanged = keen.get("/keys", keen.master()).assertStatus(200).json();
        assertThat(unchanged).hasSize(1);
        assertThat(unchanged.get(0).path("name").asText()).isEqualTo("all");
        assertThat(unchanged.get(0).path("is_active").asBoolean()).isTrue();
    }

    @Test
    void projectKeysAndOtherProjectsKeysAreNotAccessKeysHere() {
        CreatedProject other = server.newProject();
        KeenCalls otherKeen = new KeenCalls(keen.http(), other.project().id().value());
        String otherMaster = other.keys().get(0).secret();
        String foreign = otherKeen.post("/keys", otherMaster, INGEST).assertStatus(201).json().path("key").asText();
        keenError(keen.get("/keys/" + foreign, keen.master()), 404, "ResourceNotFoundError");
        keenError(keen.delete("/keys/" + foreign, keen.master()), 404, "ResourceNotFoundError");
        otherKeen.get("/keys/" + foreign, otherMaster).assertStatus(200);
        keenError(keen.get("/keys/" + keen.write(), keen.master()), 404, "ResourceNotFoundError");
        keenError(keen.get("/keys/" + "0".repeat(64), keen.master()), 404, "ResourceNotFoundError");
        keenError(keen.post("/keys/" + keen.read() + "/revoke", keen.master(), ""), 404, "ResourceNotFoundError");
        keenError(keen.delete("/keys/nonsense", keen.master()), 404, "ResourceNotFoundError");
    }
}
