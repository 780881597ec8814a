package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.AdminWire.CreatedProjectJson;
import io.cairn.client.AdminWire.KeyJson;
import io.cairn.client.AdminWire.KeyListJson;
import io.cairn.client.AdminWire.NewKey;
import io.cairn.client.AdminWire.NewProject;
import io.cairn.client.AdminWire.ProjectJson;
import io.cairn.client.AdminWire.ProjectListJson;
import io.cairn.client.internal.Json;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API's JSON exactly as the server contract shows it, plus fields a newer server might add. */
class AdminWireTest {

    static final String PROJECT_ID = "0123456789abcdef01234567";
    static final Instant CREATED = Instant.parse("2026-11-23T08:42:00.123Z");

    static final String CREATED_PROJECT = """
            {"id":"0123456789abcdef01234567","name":"acme","created_at":"2026-11-23T08:42:00.123Z","plan":"free",
             "keys":[
              {"id":"%s","secret":"%s","role":"master","name":null,"created_at":"2026-11-23T08:42:00.123Z",
               "revoked":false,"scopes":[]},
              {"id":"%s","secret":"%s","role":"write","name":null,"created_at":"2026-11-23T08:42:00.123Z",
               "revoked":false},
              {"id":"%s","secret":"%s","role":"read","name":null,"created_at":"2026-11-23T08:42:00.123Z",
               "revoked":false}]}
            """.formatted("a".repeat(32), "1".repeat(64), "b".repeat(32), "2".repeat(64), "c".repeat(32),
            "3".repeat(64));

    private static <T> T read(String json, Class<T> type) throws IOException {
        return Json.read(json.getBytes(UTF_8), type);
    }

    @Test
    void createdProjectMapsTheProjectAndItsThreeKeys() throws IOException {
        CreatedProject created = read(CREATED_PROJECT, CreatedProjectJson.class).toModel();

        assertThat(created.project()).isEqualTo(new Project(PROJECT_ID, "acme", CREATED));
        assertThat(created.masterKey()).isEqualTo(new IssuedKey(
                new ApiKey("a".repeat(32), KeyRole.MASTER, null, CREATED, false), "1".repeat(64)));
        assertThat(created.writeKey().secret()).isEqualTo("2".repeat(64));
        assertThat(created.readKey().key().id()).isEqualTo("c".repeat(32));
    }

    @Test
    void projectListMapsEachProject() throws IOException {
        List<Project> projects = read("""
                {"projects":[{"id":"0123456789abcdef01234567","name":"acme","created_at":"2026-11-23T08:42:00.123Z"},
                 {"id":"ffffffffffffffffffffffff","name":"b","created_at":"2026-11-24T00:00:00.000Z","extra":1}],
                 "next":null}""", ProjectListJson.class).toModel();

        assertThat(projects).containsExactly(new Project(PROJECT_ID, "acme", CREATED),
                new Project("f".repeat(24), "b", Instant.parse("2026-11-24T00:00:00Z")));
    }

    @Test
    void singleProjectMaps() throws IOException {
        assertThat(read("""
                {"id":"0123456789abcdef01234567","name":"acme","created_at":"2026-11-23T08:42:00.123Z"}""",
                ProjectJson.class).toModel()).isEqualTo(new Project(PROJECT_ID, "acme", CREATED));
    }

    @Test
    void issuedKeyMapsWithItsNameAndSecret() throws IOException {
        IssuedKey issued = read("""
                {"id":"dddddddddddddddddddddddddddddddd","secret":"s3","role":"read","name":"dash",
                 "created_at":"2026-11-23T08:42:00.123Z","revoked":false,"expires_at":null}""", KeyJson.class)
                .toIssued();

        assertThat(issued).isEqualTo(new IssuedKey(new ApiKey("d".repeat(32), KeyRole.READ, "dash", CREATED, false),
                "s3"));
    }

    @Test
    void keyListMapsKeysWithoutSecretsIncludingRevokedOnes() throws IOException {
        List<ApiKey> keys = read("""
                {"keys":[{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","role":"master","name":null,
                  "created_at":"2026-11-23T08:42:00.123Z","revoked":false},
                 {"id":"dddddddddddddddddddddddddddddddd","role":"read","name":"dash",
                  "created_at":"2026-11-23T08:42:00.123Z","revoked":true}]}""", KeyListJson.class).toModel();

        assertThat(keys).containsExactly(new ApiKey("a".repeat(32), KeyRole.MASTER, null, CREATED, false),
                new ApiKey("d".repeat(32), KeyRole.READ, "dash", CREATED, true));
    }

    @Test
    void unknownRoleOrMissingFieldIsRejectedByTheConversion() throws IOException {
        KeyJson unknownRole = read("""
                {"id":"k","role":"owner","created_at":"2026-11-23T08:42:00.123Z"}""", KeyJson.class);
        ProjectJson noName = read("{\"id\":\"p\",\"created_at\":\"2026-11-23T08:42:00.123Z\"}", ProjectJson.class);

        assertThatThrownBy(unknownRole::toKey)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(noName::toModel).isInstanceOf(NullPointerException.class).hasMessage("name is null");
    }

    @Test
    void requestBodiesUseTheWireNamesAndOmitAnAbsentKeyName() {
        assertThat(new String(Json.write(new NewProject("acme")), UTF_8)).isEqualTo("{\"name\":\"acme\"}");
        assertThat(new String(Json.write(new NewKey("read", "dash")), UTF_8))
                .isEqualTo("{\"role\":\"read\",\"name\":\"dash\"}");
        assertThat(new String(Json.write(new NewKey("write", null)), UTF_8)).isEqualTo("{\"role\":\"write\"}");
    }
}
