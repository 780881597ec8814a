package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.Cairn;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import io.cairn.core.project.Credential;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's admin client against the real server. */
class SdkAdminIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    @Test
    void projectsAndKeysRoundTrip() {
        Cairn cairn = server.adminSdk();
        CreatedProject created = cairn.admin().createProject("sdk-round-trip");
        assertThat(created.project().name()).isEqualTo("sdk-round-trip");
        assertThat(created.project().createdAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.masterKey().secret()).matches("[0-9a-f]{64}");
        assertThat(created.writeKey().key().role()).isEqualTo(KeyRole.WRITE);
        assertThat(created.readKey().key().role()).isEqualTo(KeyRole.READ);
        String id = created.project().id();

        // The issued secrets are real credentials for the server.
        assertThat(server.core().projects().authenticate(new Credential.Secret(created.writeKey().secret()))
                .projectId().value()).isEqualTo(id);

        assertThat(cairn.admin().listProjects()).extracting(Project::id).contains(id);
        assertThat(cairn.admin().getProject(id)).isEqualTo(created.project());

        IssuedKey dash = cairn.admin().createKey(id, KeyRole.READ, "dash");
        assertThat(dash.key().name()).isEqualTo("dash");
        cairn.admin().revokeKey(id, dash.key().id());
        assertThat(cairn.admin().listKeys(id)).filteredOn(ApiKey::revoked).extracting(ApiKey::id)
                .containsExactly(dash.key().id());

        cairn.admin().deleteProject(id);
        assertThatThrownBy(() -> cairn.admin().getProject(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void serverErrorsArriveAsTypedExceptionsWithStatusCodeAndRequestId() {
        Cairn cairn = server.adminSdk();
        cairn.admin().createProject("sdk-taken");
        assertThatThrownBy(() -> cairn.admin().createProject("sdk-taken"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("project_name_taken");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.getMessage()).contains("409").contains("project_name_taken").contains(e.requestId());
                });
        assertThatThrownBy(() -> cairn.admin().createProject("Not Valid"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.field()).isEqualTo("name");
                });
        try (Cairn wrong = cairn.newBuilder().adminToken("wrong-token-wrong-token").build()) {
            assertThatThrownBy(() -> wrong.admin().listProjects()).isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> cairn.admin().getProject("0".repeat(24)))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((CairnApiException) e).code()).isEqualTo("project_not_found");
    }

    @Test
    void anUnreachableServerIsAConnectionException() {
        try (Cairn nowhere = Cairn.builder().baseUrl("http://127.0.0.1:1").adminToken("x".repeat(20))
                .maxRetries(1).retryBackoff(Duration.ofMillis(10)).build()) {
            assertThatThrownBy(() -> nowhere.admin().listProjects()).isInstanceOf(CairnConnectionException.class);
        }
    }
}
