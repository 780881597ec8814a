package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.Cairn;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import io.cairn.core.project.Credential;
import io.cairn.core.project.ProjectService;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stop and start on the same data directory: projects, keys and project data are all there. */
class RestartIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    @Test
    void projectsKeysAndDataSurviveARestart() throws Exception {
        Cairn cairn = server.adminSdk();
        CreatedProject created = cairn.admin().createProject("restart-acme");
        String id = created.project().id();
        IssuedKey extra = cairn.admin().createKey(id, KeyRole.WRITE, "ingest");
        cairn.admin().revokeKey(id, created.readKey().key().id());
        String adminToken = server.adminToken();

        server.stop();
        server.start();

        Cairn again = server.adminSdk();
        assertThat(server.adminToken()).isEqualTo(adminToken);
        assertThat(again.admin().listProjects()).extracting(Project::name).contains("restart-acme");
        assertThat(again.admin().listKeys(id)).hasSize(4);
        ProjectService projects = server.core().projects();
        assertThat(projects.authenticate(new Credential.Secret(extra.secret())).projectId().value()).isEqualTo(id);
        assertThat(projects.authenticate(new Credential.Secret(created.masterKey().secret())).role().id())
                .isEqualTo("master");
        assertThatThrownBy(() ->
                projects.authenticate(new Credential.Secret(created.readKey().secret())))
                .hasMessageContaining("unknown or revoked");
        assertThat(Files.exists(server.dataDir().resolve("projects/" + id + ".duckdb"))).isTrue();
    }
}
