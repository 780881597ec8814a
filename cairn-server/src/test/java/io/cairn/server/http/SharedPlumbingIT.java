package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.IssuedKey;
import io.cairn.server.testing.CairnServerExtension;
import io.cairn.server.testing.TestHttp;
import io.cairn.server.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials, roles and error ownership through the real server, via a probe dialect. */
class SharedPlumbingIT {

    @RegisterExtension
    static final CairnServerExtension server = new CairnServerExtension().withDialect(ProbeDialect::new);

    private TestHttp http;
    private CreatedProject project;

    @BeforeEach
    void setUp() {
        http = server.http();
        project = server.newProject();
    }

    @Test
    void everyCredentialStyleResolvesToItsKey() {
        IssuedKey write = project.keys().get(1);
        String id = write.key().id().value();
        String basic = Base64.getEncoder().encodeToString((id + ":" + write.secret()).getBytes(StandardCharsets.UTF_8));
        JsonNode[] answers = {
            http.get("/probe/whoami/header_key").header("Authorization", write.secret()).send().assertStatus(200).json(),
            http.get("/probe/whoami/key_scheme").header("Authorization", "Key " + write.secret()).send()
                    .assertStatus(200).json(),
            http.get("/probe/whoami/bearer").header("Authorization", "Bearer " + write.secret()).send()
                    .assertStatus(200).json(),
            http.get("/probe/whoami/basic").header("Authorization", "Basic " + basic).send().assertStatus(200).json(),
            http.get("/probe/whoami/query_api_key?api_key=" + write.secret()).send().assertStatus(200).json(),
        };
        for (JsonNode answer : answers) {
            assertThat(answer.path("project").asText()).isEqualTo(project.project().id().value());
            assertThat(answer.path("key").asText()).isEqualTo(id);
            assertThat(answer.path("role").asText()).isEqualTo("write");
        }
    }

    @Test
    void aStyleTheDialectDoesNotAcceptCountsAsNoCredential() {
        String secret = project.keys().get(0).secret();
        probeError(http.get("/probe/whoami/basic").header("Authorization", secret).send(), "missing_credentials", 401);
        probeError(http.get("/probe/whoami/header_key?api_key=" + secret).send(), "missing_credentials", 401);
    }

    @Test
    void unknownRevokedAndMalformedCredentialsAre401() {
        probeError(http.get("/probe/whoami/header_key").header("Authorization", "f".repeat(64)).send(),
                "invalid_credentials", 401);
        probeError(http.get("/probe/whoami/basic").header("Authorization", "Basic %%%").send(),
                "invalid_credentials", 401);
        String noColon = Base64.getEncoder().encodeToString("justanid".getBytes(StandardCharsets.UTF_8));
        probeError(http.get("/probe/whoami/basic").header("Authorization", "Basic " + noColon).send(),
                "invalid_credentials", 401);

        IssuedKey read = project.keys().get(2);
        server.core().projects().revokeKey(project.project().id(), read.key().id());
        probeError(http.get("/probe/whoami/header_key").header("Authorization", read.secret()).send(),
                "invalid_credentials", 401);
    }

    @Test
    void aKeyWithoutTheNeededRoleIs403() {
        String read = project.keys().get(2).secret();
        String master = project.keys().get(0).secret();
        http.get("/probe/needs/read").header("Authorization", read).send().assertStatus(200);
        probeError(http.get("/probe/needs/write").header("Authorization", read).send(), "insufficient_role", 403);
        http.get("/probe/needs/write").header("Authorization", master).send().assertStatus(200);
    }

    @Test
    void unexpectedFailuresAre500WithoutInternalsAndInTheDialectsShape() {
        TestResponse response = http.get("/probe/boom").send();
        JsonNode body = probeError(response, "internal", 500);
        assertThat(body.path("message").asText()).isEqualTo("internal error");
        assertThat(response.text()).doesNotContain("secret internal detail").doesNotContain("IllegalState");
    }

    @Test
    void unknownRoutesUnderADialectsPrefixUseThatDialectsErrorShape() {
        probeError(http.get("/probe/nothing").send(), "route_not_found", 404);
        probeError(http.get("//probe/nothing").send(), "route_not_found", 404);
    }

    private static JsonNode probeError(TestResponse response, String code, int status) {
        response.assertStatus(418);
        JsonNode body = response.json();
        assertThat(body.path("probe_error").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }
}
