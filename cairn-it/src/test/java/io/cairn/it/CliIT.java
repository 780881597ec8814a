package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.it.CairnExtension.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cairn} admin commands against the real server, run in-process. */
class CliIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void projectsCreateListAndDelete() throws Exception {
        CliRun created = server.cli("projects", "create", "cli-acme");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("cli-acme").contains("master").contains("write").contains("read");
        assertThat(created.out().lines().filter(line -> line.matches(".*[0-9a-f]{64}.*"))).hasSize(3);
        assertThat(created.err()).contains("not shown again");

        CliRun list = server.cli("projects", "list", "--format", "json");
        assertThat(list.exitCode()).isZero();
        JsonNode projects = JSON.readTree(list.out());
        assertThat(projects.findValuesAsText("name")).contains("cli-acme");

        CliRun csv = server.cli("projects", "list", "--format", "csv");
        assertThat(csv.out().lines().findFirst()).contains("id,name,created_at");

        CliRun deleted = server.cli("projects", "delete", "cli-acme");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("deleted project cli-acme");
        assertThat(server.cli("projects", "list", "--format", "tsv").out()).doesNotContain("cli-acme");
    }

    @Test
    void keysCreateListAndRevoke() throws Exception {
        server.cli("projects", "create", "cli-keys");
        CliRun key = server.cli("keys", "create", "cli-keys", "--role", "READ", "--name", "dash", "--format", "json");
        assertThat(key.exitCode()).as(key.err()).isZero();
        JsonNode issued = JSON.readTree(key.out()).get(0);
        assertThat(issued.path("secret").asText()).matches("[0-9a-f]{64}");
        String keyId = issued.path("key_id").asText();

        CliRun list = server.cli("keys", "list", "cli-keys");
        assertThat(list.out()).contains(keyId).contains("dash").doesNotContain(issued.path("secret").asText());

        assertThat(server.cli("keys", "revoke", "cli-keys", keyId).exitCode()).isZero();
        JsonNode keys = JSON.readTree(server.cli("keys", "list", "cli-keys", "--format", "json").out());
        for (JsonNode k : keys) {
            assertThat(k.path("revoked").asText()).isEqualTo(k.path("id").asText().equals(keyId) ? "true" : "false");
        }
    }

    @Test
    void failuresPrintOneClearLineAndExitNonZero() {
        CliRun badName = server.cli("projects", "create", "Bad Name");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.err()).startsWith("error: HTTP 422 invalid_field").doesNotContain("Exception");

        CliRun unknown = server.cli("keys", "list", "no-such-project");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no project with id or name no-such-project");

        CliRun badRole = server.cli("keys", "create", "x", "--role", "owner");
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).contains("--role must be one of master, write, read");

        CliRun usage = server.cli("projects", "create");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter");

        CliRun wrongToken = server.cli(Map.of("CAIRN_URL", server.baseUri().toString(),
                "CAIRN_ADMIN_TOKEN", "wrong-token-wrong"), "projects", "list");
        assertThat(wrongToken.exitCode()).isEqualTo(1);
        assertThat(wrongToken.err()).contains("401").contains("invalid admin token");

        CliRun down = server.cli(Map.of("CAIRN_URL", "http://127.0.0.1:1", "CAIRN_ADMIN_TOKEN", "x".repeat(20)),
                "projects", "list");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).contains("is the server running?");
    }

    @Test
    void theAdminTokenIsReadFromTheDataDirectoryWhenNotGiven(@TempDir Path elsewhere) throws Exception {
        CliRun fromDataDir = server.cli(Map.of("CAIRN_URL", server.baseUri().toString()),
                "projects", "list", "--data-dir", server.dataDir().toString());
        assertThat(fromDataDir.exitCode()).as(fromDataDir.err()).isZero();

        Files.createDirectories(elsewhere);
        CliRun missing = server.cli(Map.of("CAIRN_URL", server.baseUri().toString()),
                "projects", "list", "--data-dir", elsewhere.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no admin token").contains(elsewhere.resolve("admin-token").toString());
    }

    @Test
    void helpAndVersionWork() {
        CliRun help = server.cli("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve").contains("projects").contains("keys").contains("version");
        for (String command : new String[] {"serve", "projects", "keys", "version"}) {
            CliRun sub = server.cli(command, "--help");
            assertThat(sub.exitCode()).isZero();
            assertThat(sub.out()).startsWith("Usage: cairn " + command);
        }
        CliRun version = server.cli("version");
        assertThat(version.out()).startsWith("cairn 0.");
    }
}
