package io.cairn.server.dialect.keen;

import static io.cairn.server.dialect.keen.KeenCalls.keenError;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.Role;
import io.cairn.core.testing.KeenScopedKeyProducer;
import io.cairn.server.testing.CairnServerExtension;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Access keys and scoped keys on Keen's event routes over raw HTTP: each route admits exactly the keys permitted
 * it, autofill reaches the stored events, and scoped keys open only with their own project's master key.
 */
class KeenRestrictedKeysIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension();

    private KeenCalls keen;
    private CreatedProject project;
    private String master;
    private String write;

    @BeforeEach
    void setUp() {
        project = server.newProject();
        keen = new KeenCalls(server.http(), project.project().id().value());
        master = project.keys().get(0).secret();
        write = project.keys().get(1).secret();
    }

    @Test
    void anAccessKeyReachesOnlyTheEventRoutesItIsPermitted() {
        String writer = accessKey("[\"writes\"]", "{}");
        String schema = accessKey("[\"schema\"]", "{}");
        String queries = accessKey("[\"queries\", \"saved_queries\", \"cached_queries\", \"datasets\"]", "{}");

        keen.post("/events/x", writer, "{\"n\": 1}").assertStatus(201);
        keen.post("/events", writer, "{\"x\": [{\"n\": 2}]}").assertStatus(200);
        keen.beacon("x", writer, "{\"n\": 3}").assertStatus(200);
        assertThat(count("x")).isEqualTo(3);
        for (String reader : List.of(writer, queries)) {
            keenError(keen.get("/events", reader), 401, "InvalidApiKeyError");
            keenError(keen.get("/events/x", reader), 401, "InvalidApiKeyError");
        }

        keen.get("/events", schema).assertStatus(200);
        keen.get("/events/x", schema).assertStatus(200);
        for (String nonWriter : List.of(schema, queries)) {
            keenError(keen.post("/events/x", nonWriter, "{}"), 401, "InvalidApiKeyError");
            keenError(keen.post("/events", nonWriter, "{\"x\": [{}]}"), 401, "InvalidApiKeyError");
            keenError(keen.beacon("x", nonWriter, "{}"), 401, "InvalidApiKeyError");
        }
        for (String key : List.of(writer, schema, queries)) {
            keenError(keen.delete("/events/x", key), 401, "AdminOnlyEndpointError");
            keenError(keen.delete("/events/x/properties/n", key), 401, "AdminOnlyEndpointError");
        }
        assertThat(count("x")).isEqualTo(3);

        KeenCalls other = new KeenCalls(keen.http(), server.newProject().project().id().value());
        keenError(other.post("/events/x", writer, "{}"), 401, "InvalidApiKeyError");
    }

    @Test
    void autofillIsMergedIntoEveryEventAnAccessKeyWritesAndWinsOverTheEventsOwnValues() {
        String key = accessKey("[\"writes\"]",
                "{\"writes\": {\"autofill\": {\"tenant\": \"acme\", \"user\": {\"plan\": \"pro\"}}}}");
        keen.post("/events/a", key, "{\"tenant\": \"evil\", \"user\": {\"id\": 1, \"plan\": \"free\"},"
                + " \"price\": 0.1}").assertStatus(201);
        keen.post("/events", key, "{\"a\": [{\"tenant\": \"x\"}, {\"user\": \"flat\"}], \"b\": [{\"n\": 1}]}")
                .assertStatus(200);
        keen.beacon("a", key, "{\"user\": {\"id\": 3}}").assertStatus(200);

        assertThat(count("a", Filter.of("tenant", FilterOperator.EQ, "acme"))).isEqualTo(4);
        assertThat(count("a", Filter.of("tenant", FilterOperator.NE, "acme"))).isZero();
        assertThat(count("a", Filter.of("user.plan", FilterOperator.EQ, "pro"))).isEqualTo(4);
        assertThat(count("a", Filter.of("user.id", FilterOperator.EQ, 1))).isEqualTo(1);
        assertThat(count("a", Filter.of("user.id", FilterOperator.EQ, 3))).isEqualTo(1);
        assertThat(count("a", Filter.of("price", FilterOperator.EQ, 0.1))).isEqualTo(1);
        assertThat(count("b", Filter.of("tenant", FilterOperator.EQ, "acme"))).isEqualTo(1);

        keenError(keen.post("/events/a", key, "{\"bad.name\": 1}"), 400, "InvalidPropertyNameError");
        keenError(keen.post("/events/a", key, "{\"a\": "), 400, "InvalidJSONError");
        keenError(keen.post("/events/a", key, "[1]"), 400, "InvalidEventError");
        keen.post("/events/a", write, "{\"tenant\": \"evil\"}").assertStatus(201);
        assertThat(count("a", Filter.of("tenant", FilterOperator.EQ, "evil"))).isEqualTo(1);
        assertThat(count("a")).isEqualTo(5);
    }

    @Test
    void scopedKeysOfEveryProducerReachWhatTheirOperationsAllow() {
        keen.post("/events/x", write, "{}").assertStatus(201);
        String reader = KeenScopedKeyProducer.PYTHON.encrypt(master, "{\"allowed_operations\": [\"read\"], \"filters\":"
                + " [{\"property_name\": \"tenant\", \"operator\": \"eq\", \"property_value\": \"acme\"}]}");
        keen.get("/events", reader).assertStatus(200);
        keen.get("/events/x", reader).assertStatus(200);
        keenError(keen.post("/events/x", reader, "{}"), 401, "InvalidApiKeyError");
        keenError(keen.delete("/events/x", reader), 401, "AdminOnlyEndpointError");

        String writer = KeenScopedKeyProducer.JAVA.encrypt(master, "{\"allowed_operations\":[\"write\"]}");
        // 32 characters of JSON: Python leaves it unpadded.
        String aligned = "{\"allowed_operations\": [\"write\"]}".replace(": ", ":");
        assertThat(aligned.length() % 16).isZero();
        String unpadded = KeenScopedKeyProducer.PYTHON.encrypt(master, aligned);
        for (String key : List.of(writer, unpadded, writer.toUpperCase())) {
            keen.post("/events/x", key, "{}").assertStatus(201);
            keenError(keen.get("/events", key), 401, "InvalidApiKeyError");
        }
        keen.http().post(keen.path("/events/x") + "?api_key=" + writer).json("{}").send().assertStatus(201);
        keen.beacon("x", writer, "{}").assertStatus(200);
        assertThat(count("x")).isEqualTo(6);
    }

    @Test
    void foreignTamperedUndecodableAndInvalidScopedKeysAre401AndStoreNothing() {
        String options = "{\"allowed_operations\": [\"write\"]}";
        String otherMaster = server.newProject().keys().get(0).secret();
        String good = KeenScopedKeyProducer.PYTHON.encrypt(master, options);
        byte[] bytes = HexFormat.of().parseHex(good);
        bytes[bytes.length - 1] ^= 0x01;
        List<String> refused = List.of(
                KeenScopedKeyProducer.PYTHON.encrypt(otherMaster, options),
                KeenScopedKeyProducer.PYTHON.encrypt(write, options),
                HexFormat.of().formatHex(bytes),
                good.substring(0, good.length() - 32),
                "0".repeat(96),
                KeenScopedKeyProducer.JAVA.encrypt(master, "{\"allowed_operations\": [\"delete\"]}"),
                KeenScopedKeyProducer.JAVA.encrypt(master, "not json at all"));
        for (String key : refused) {
            keenError(keen.post("/events/x", key, "{}"), 401, "InvalidApiKeyError");
        }
        keenError(keen.http().post("/3.0/projects/nope/events/x").header("Authorization", good).json("{}").send(),
                401, "InvalidApiKeyError");
        assertThat(count("x")).isZero();
    }

    @Test
    void scopedKeysFollowTheMasterKeysOfTheirProject() {
        String options = "{\"allowed_operations\": [\"write\"]}";
        String old = KeenScopedKeyProducer.PYTHON.encrypt(master, options);
        String rotatedMaster = server.core().projects().createKey(project.project().id(), Role.MASTER, "rotated")
                .secret();
        String rotated = KeenScopedKeyProducer.JAVA.encrypt(rotatedMaster, options);
        keen.post("/events/x", old, "{}").assertStatus(201);
        keen.post("/events/x", rotated, "{}").assertStatus(201);
        server.core().projects().revokeKey(project.project().id(), project.keys().get(0).key().id());
        keenError(keen.post("/events/x", old, "{}"), 401, "InvalidApiKeyError");
        keen.post("/events/x", rotated, "{}").assertStatus(201);
        assertThat(count("x")).isEqualTo(3);
    }

    private String accessKey(String permitted, String options) {
        return keen.post("/keys", master, "{\"name\": \"k\", \"permitted\": " + permitted + ", \"options\": "
                + options + "}").assertStatus(201).json().path("key").asText();
    }

    private long count(String collection, Filter... filters) {
        return server.core().events().count(ProjectId.of(keen.pid()), collection, List.of(filters), null);
    }
}
