package io.cairn.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.model.DataSize;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API over raw HTTP: shapes, statuses and problem details exactly as clients see them. */
class AdminApiIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension()
            .configure(c -> c.withHttp(c.http().withMaxBodySize(DataSize.ofKilobytes(64))));

    private TestHttp http;
    private String token;

    @BeforeEach
    void setUp() {
        http = server.http();
        token = server.adminToken();
    }

    @Test
    void createProjectAnswers201WithOneKeyPerRoleAndSecretsShownOnce() {
        TestResponse response = http.post("/admin/v1/projects").bearer(token).json("{\"name\":\"acme-create\"}")
                .send().assertStatus(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode project = response.json();
        assertThat(project.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(project.path("name").asText()).isEqualTo("acme-create");
        assertThat(project.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        List<String> roles = new ArrayList<>();
        for (JsonNode key : project.path("keys")) {
            roles.add(key.path("role").asText());
            assertThat(key.path("id").asText()).matches("[0-9a-f]{32}");
            assertThat(key.path("secret").asText()).matches("[0-9a-f]{64}");
            assertThat(key.path("revoked").asBoolean()).isFalse();
            assertThat(key.has("name")).isTrue();
        }
        assertThat(roles).containsExactly("master", "write", "read");

        String id = project.path("id").asText();
        JsonNode keys = http.get("/admin/v1/projects/" + id + "/keys").bearer(token).send().assertStatus(200).json();
        assertThat(keys.path("keys")).hasSize(3);
        assertThat(keys.toString()).doesNotContain("secret");
        assertThat(keys.toString()).doesNotContain(project.path("keys").get(0).path("secret").asText());
    }

    @Test
    void projectsCanBeListedFetchedAndDeleted() {
        String id = createProject("acme-lifecycle");
        JsonNode list = http.get("/admin/v1/projects").bearer(token).send().assertStatus(200).json();
        assertThat(list.path("projects").findValuesAsText("name")).contains("acme-lifecycle");

        JsonNode one = http.get("/admin/v1/projects/" + id).bearer(token).send().assertStatus(200).json();
        assertThat(one.path("id").asText()).isEqualTo(id);
        assertThat(one.has("keys")).isFalse();

        TestResponse deleted = http.delete("/admin/v1/projects/" + id).bearer(token).send().assertStatus(204);
        assertThat(deleted.raw().body()).isEmpty();
        assertThat(server.dataDir().resolve("projects/" + id + ".duckdb")).doesNotExist();
        http.get("/admin/v1/projects/" + id).bearer(token).send().assertProblem(404, "project_not_found");
        http.delete("/admin/v1/projects/" + id).bearer(token).send().assertProblem(404, "project_not_found");
    }

    @Test
    void keysCanBeIssuedListedAndRevoked() {
        String id = createProject("acme-keys");
        JsonNode key = http.post("/admin/v1/projects/" + id + "/keys").bearer(token)
                .json("{\"role\":\"read\",\"name\":\"dash\"}").send().assertStatus(201).json();
        assertThat(key.path("role").asText()).isEqualTo("read");
        assertThat(key.path("name").asText()).isEqualTo("dash");
        assertThat(key.path("secret").asText()).matches("[0-9a-f]{64}");
        String keyId = key.path("id").asText();

        JsonNode unnamed = http.post("/admin/v1/projects/" + id + "/keys").bearer(token)
                .json("{\"role\":\"write\"}").send().assertStatus(201).json();
        assertThat(unnamed.path("name").isNull()).isTrue();

        http.delete("/admin/v1/projects/" + id + "/keys/" + keyId).bearer(token).send().assertStatus(204);
        JsonNode keys = http.get("/admin/v1/projects/" + id + "/keys").bearer(token).send().json().path("keys");
        assertThat(keys).hasSize(5);
        for (JsonNode k : keys) {
            assertThat(k.path("revoked").asBoolean()).isEqualTo(k.path("id").asText().equals(keyId));
        }
        http.delete("/admin/v1/projects/" + id + "/keys/" + "0".repeat(32)).bearer(token).send()
                .assertProblem(404, "key_not_found");
        http.delete("/admin/v1/projects/" + id + "/keys/nope").bearer(token).send()
                .assertProblem(404, "key_not_found");
    }

    @Test
    void missingOrWrongAdminTokenIs401() {
        TestResponse missing = http.get("/admin/v1/projects").send();
        missing.assertProblem(401, "missing_credentials");
        assertThat(missing.header("WWW-Authenticate")).contains("Bearer");
        http.get("/admin/v1/projects").bearer("wrong-token").send().assertProblem(401, "invalid_credentials");
        http.get("/admin/v1/projects").header("Authorization", token).send()
                .assertProblem(401, "invalid_credentials");
        // A project key is not an admin token.
        String secret = server.newProject().keys().getFirst().secret();
        http.get("/admin/v1/projects").bearer(secret).send().assertProblem(401, "invalid_credentials");
    }

    @Test
    void invalidFieldsAre422NamingTheFieldAndStoreNothing() {
        int before = projectCount();
        JsonNode badName = http.post("/admin/v1/projects").bearer(token).json("{\"name\":\"Not A Slug\"}").send()
                .assertProblem(422, "invalid_field");
        assertThat(badName.path("field").asText()).isEqualTo("name");
        JsonNode missing = http.post("/admin/v1/projects").bearer(token).json("{}").send()
                .assertProblem(422, "missing_field");
        assertThat(missing.path("field").asText()).isEqualTo("name");
        http.post("/admin/v1/projects").bearer(token).json("{\"name\":42}").send()
                .assertProblem(422, "invalid_field");
        assertThat(projectCount()).isEqualTo(before);

        String id = createProject("acme-roles");
        JsonNode badRole = http.post("/admin/v1/projects/" + id + "/keys").bearer(token)
                .json("{\"role\":\"owner\"}").send().assertProblem(422, "invalid_field");
        assertThat(badRole.path("field").asText()).isEqualTo("role");
        assertThat(badRole.path("detail").asText()).contains("master, write, read");
        http.post("/admin/v1/projects/" + id + "/keys").bearer(token).json("{}").send()
                .assertProblem(422, "missing_field");
        assertThat(http.get("/admin/v1/projects/" + id + "/keys").bearer(token).send().json().path("keys"))
                .hasSize(3);
    }

    @Test
    void aTakenNameIs409() {
        createProject("acme-taken");
        http.post("/admin/v1/projects").bearer(token).json("{\"name\":\"acme-taken\"}").send()
                .assertProblem(409, "project_name_taken");
    }

    @Test
    void malformedJsonIs400NamingWhereItBroke() {
        JsonNode problem = http.post("/admin/v1/projects").bearer(token).json("{\"name\": \"x\",,}").send()
                .assertProblem(400, "invalid_json");
        assertThat(problem.path("detail").asText()).contains("line 1, column");
        http.post("/admin/v1/projects").bearer(token).json("").send().assertProblem(400, "invalid_json");
        http.post("/admin/v1/projects").bearer(token).json("[1,2]").send().assertProblem(400, "invalid_json");
    }

    @Test
    void aNonJsonContentTypeIs415() {
        http.post("/admin/v1/projects").bearer(token).header("Content-Type", "text/plain")
                .body("{\"name\":\"acme-text\"}".getBytes()).send().assertProblem(415, "unsupported_media_type");
    }

    @Test
    void aBodyOverTheLimitIs413AndStoresNothing() {
        int before = projectCount();
        String huge = "{\"name\":\"acme-huge\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
        http.post("/admin/v1/projects").bearer(token).json(huge).send().assertProblem(413, "body_too_large");
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405AsProblems() {
        http.get("/admin/v1/nothing-here").bearer(token).send().assertProblem(404, "route_not_found");
        http.get("/nowhere").send().assertProblem(404, "route_not_found");
        http.request("PUT", "/admin/v1/projects").bearer(token).json("{}").send()
                .assertProblem(405, "method_not_allowed");
    }

    @Test
    void doubledSlashesAndTrailingSlashesReachTheSameRoute() {
        http.get("//admin/v1/projects").bearer(token).send().assertStatus(200);
        http.get("/admin//v1/projects/").bearer(token).send().assertStatus(200);
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        TestResponse echoed = http.get("/admin/v1/projects").bearer(token).header("X-Request-Id", "trace-42").send();
        assertThat(echoed.header("X-Request-Id")).contains("trace-42");
        TestResponse replaced = http.get("/admin/v1/projects").bearer(token).header("X-Request-Id", "bad id!").send();
        assertThat(replaced.header("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }

    private String createProject(String name) {
        return http.post("/admin/v1/projects").bearer(token).json("{\"name\":\"" + name + "\"}").send()
                .assertStatus(201).json().path("id").asText();
    }

    private int projectCount() {
        return http.get("/admin/v1/projects").bearer(token).send().json().path("projects").size();
    }
}
