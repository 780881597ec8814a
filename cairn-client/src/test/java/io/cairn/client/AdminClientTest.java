package io.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Received;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the admin client sends for each call, and how it reads the answers; the server is a stub. */
class AdminClientTest {

    private static final String PROJECT_JSON = """
            {"id":"0123456789abcdef01234567","name":"acme","created_at":"2026-11-23T08:42:00.123Z"}""";

    private final StubServer server = StubServer.start();
    // A path prefix, as behind a reverse proxy, to check that every call keeps it.
    private final Cairn cairn = Cairn.builder()
            .baseUrl(server.baseUrl() + "/cairn/")
            .adminToken("adm1n")
            .retryBackoff(Duration.ofMillis(1))
            .build();
    private final AdminClient admin = cairn.admin();

    @AfterEach
    void close() {
        cairn.close();
        server.close();
    }

    private void assertSent(String method, String path) {
        Received received = server.lastReceived();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.header("Authorization")).contains("Bearer adm1n");
    }

    @Test
    void createProjectPostsTheNameAndReturnsTheProjectWithItsKeys() {
        server.reply(201, AdminWireTest.CREATED_PROJECT, "Content-Type", "application/json");

        CreatedProject created = admin.createProject("acme");

        assertSent("POST", "/cairn/admin/v1/projects");
        assertThat(server.lastReceived().body()).isEqualTo("{\"name\":\"acme\"}");
        assertThat(created.project().name()).isEqualTo("acme");
        assertThat(created.keys()).extracting(key -> key.key().role())
                .containsExactly(KeyRole.MASTER, KeyRole.WRITE, KeyRole.READ);
    }

    @Test
    void listProjectsReadsTheList() {
        server.reply(200, "{\"projects\":[" + PROJECT_JSON + "]}");

        assertThat(admin.listProjects()).extracting(Project::name).containsExactly("acme");
        assertSent("GET", "/cairn/admin/v1/projects");
    }

    @Test
    void getProjectPutsTheEncodedIdInThePath() {
        server.reply(200, PROJECT_JSON);

        assertThat(admin.getProject("a/b c").id()).isEqualTo(AdminWireTest.PROJECT_ID);
        assertSent("GET", "/cairn/admin/v1/projects/a%2Fb%20c");
    }

    @Test
    void deleteProjectAcceptsNoContent() {
        server.reply(204, "");

        admin.deleteProject(AdminWireTest.PROJECT_ID);

        assertSent("DELETE", "/cairn/admin/v1/projects/" + AdminWireTest.PROJECT_ID);
    }

    @Test
    void createKeySendsTheRoleAndOptionalName() {
        String keyJson = """
                {"id":"dddddddddddddddddddddddddddddddd","secret":"s3","role":"read","name":"dash",
                 "created_at":"2026-11-23T08:42:00.123Z","revoked":false}""";
        server.reply(201, keyJson).reply(201, keyJson.replace("\"dash\"", "null"));

        IssuedKey named = admin.createKey("p1", KeyRole.READ, "dash");
        assertSent("POST", "/cairn/admin/v1/projects/p1/keys");
        assertThat(server.lastReceived().body()).isEqualTo("{\"role\":\"read\",\"name\":\"dash\"}");

        IssuedKey unnamed = admin.createKey("p1", KeyRole.READ, null);
        assertThat(server.lastReceived().body()).isEqualTo("{\"role\":\"read\"}");

        assertThat(named.secret()).isEqualTo("s3");
        assertThat(named.key().name()).isEqualTo("dash");
        assertThat(unnamed.key().name()).isNull();
    }

    @Test
    void listKeysAndRevokeKeyAddressTheProjectsKeys() {
        server.reply(200, """
                {"keys":[{"id":"k1","role":"write","name":null,"created_at":"2026-11-23T08:42:00.123Z",\
                "revoked":true}]}""").reply(204, "");

        assertThat(admin.listKeys("p1")).extracting(ApiKey::id, ApiKey::revoked)
                .containsExactly(tuple("k1", true));
        assertSent("GET", "/cairn/admin/v1/projects/p1/keys");

        admin.revokeKey("p1", "k1");
        assertSent("DELETE", "/cairn/admin/v1/projects/p1/keys/k1");
    }

    @Test
    void problemAnswerBecomesTheMatchingException() {
        server.reply(409, """
                {"type":"urn:cairn:error:project_name_taken","title":"Conflict","status":409,\
                "detail":"a project named acme already exists","instance":"/admin/v1/projects",\
                "code":"project_name_taken","requestId":"4f3a"}""", "Content-Type", "application/problem+json");

        assertThatThrownBy(() -> admin.createProject("acme"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("HTTP 409 project_name_taken (request 4f3a): a project named acme already exists");
    }

    @Test
    void answerOfTheWrongShapeIsAnUnreadableAnswer() {
        server.reply(200, "[]", "X-Request-Id", "r9").reply(200, "{\"id\":\"p1\"}");

        assertThatThrownBy(() -> admin.getProject("p1"))
                .isExactlyInstanceOf(CairnClientException.class)
                .hasMessageStartingWith("unreadable answer to GET /admin/v1/projects/p1 (request r9): ");
        assertThatThrownBy(() -> admin.getProject("p1"))
                .isExactlyInstanceOf(CairnClientException.class)
                .hasMessageContaining("name is null");
    }

    @Test
    void withoutAnAdminTokenNothingIsSent() {
        try (Cairn keyOnly = cairn.newBuilder().adminToken(null).key("k").build()) {
            assertThatThrownBy(() -> keyOnly.admin().listProjects())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("adminToken");
        }
        assertThat(server.received()).isEmpty();
    }
}
