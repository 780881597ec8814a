package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.error.ConflictException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.ForbiddenException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectServiceTest {

    @TempDir
    Path dataDir;

    private CairnCore core;
    private ProjectService projects;

    @BeforeEach
    void open() {
        core = CairnCore.open(config());
        projects = core.projects();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private CoreConfig config() {
        CoreConfig defaults = CoreConfig.defaults();
        return defaults.withStorage(defaults.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(256)));
    }

    @Test
    void aNewProjectGetsOneKeyPerRoleWithFreshSecrets() {
        CreatedProject created = projects.createProject("acme");
        assertThat(created.project().id().value()).matches("[0-9a-f]{24}");
        assertThat(created.keys()).extracting(k -> k.key().role())
                .containsExactly(Role.MASTER, Role.WRITE, Role.READ);
        assertThat(created.keys()).allSatisfy(k -> assertThat(k.secret()).matches("[0-9a-f]{64}"));
        assertThat(created.keys()).extracting(IssuedKey::secret).doesNotHaveDuplicates();
        assertThat(projects.listProjects()).containsExactly(created.project());
    }

    @Test
    void everyCredentialStyleResolvesToThePrincipalOfItsKey() {
        CreatedProject created = projects.createProject("acme");
        IssuedKey write = created.keys().get(1);
        Principal bySecret = projects.authenticate(new Credential.Secret(write.secret()));
        Principal byPair = projects.authenticate(new Credential.IdAndSecret(write.key().id().value(), write.secret()));
        assertThat(bySecret).isEqualTo(byPair);
        assertThat(bySecret.projectId()).isEqualTo(created.project().id());
        assertThat(bySecret.role()).isEqualTo(Role.WRITE);
        assertThat(bySecret.keyId()).isEqualTo(write.key().id());
    }

    @Test
    void wrongUnknownAndRevokedCredentialsAreRefused() {
        CreatedProject created = projects.createProject("acme");
        IssuedKey read = created.keys().get(2);
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret("0".repeat(64))))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> projects.authenticate(
                new Credential.IdAndSecret(read.key().id().value(), created.keys().get(0).secret())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> projects.authenticate(new Credential.IdAndSecret("not-an-id", read.secret())))
                .isInstanceOf(UnauthenticatedException.class);

        projects.revokeKey(created.project().id(), read.key().id());
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(read.secret())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(projects.listKeys(created.project().id())).filteredOn(ApiKey::revoked).hasSize(1);
    }

    @Test
    void rolesPermitWhatTheyShould() {
        CreatedProject created = projects.createProject("acme");
        Principal read = projects.authenticate(new Credential.Secret(created.keys().get(2).secret()));
        Principal master = projects.authenticate(new Credential.Secret(created.keys().get(0).secret()));
        assertThat(read.require(Role.READ)).isSameAs(read);
        assertThatThrownBy(() -> read.require(Role.WRITE)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("needs a write or master key");
        assertThat(master.require(Role.WRITE)).isSameAs(master);
    }

    @Test
    void namesAreSlugsAndUnique() {
        projects.createProject("acme");
        assertThatThrownBy(() -> projects.createProject("acme")).isInstanceOf(ConflictException.class);
        for (String bad : new String[] {"", "Acme", "-acme", "a b", "a".repeat(64), "acme_1"}) {
            assertThatThrownBy(() -> projects.createProject(bad)).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> projects.createProject(null))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo(ErrorCode.MISSING_FIELD);
        projects.createProject("a".repeat(63));
        projects.createProject("0-team-2");
    }

    @Test
    void deletingAProjectRemovesItsKeysAndData() {
        CreatedProject created = projects.createProject("acme");
        ProjectId id = created.project().id();
        projects.deleteProject(id);
        assertThat(projects.listProjects()).isEmpty();
        assertThat(dataDir.resolve("projects/" + id + ".duckdb")).doesNotExist();
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(created.keys().get(0).secret())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> projects.deleteProject(id)).isInstanceOf(NotFoundException.class);
        projects.createProject("acme");
    }

    @Test
    void keysCanBeAddedListedAndRevoked() {
        ProjectId id = projects.createProject("acme").project().id();
        IssuedKey dash = projects.createKey(id, Role.READ, "dash");
        assertThat(dash.key().label()).contains("dash");
        assertThat(projects.listKeys(id)).hasSize(4).contains(dash.key());
        assertThatThrownBy(() -> projects.revokeKey(id, KeyId.random())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.createKey(ProjectId.random(), Role.READ, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.createKey(id, Role.READ, " ")).isInstanceOf(InvalidRequestException.class);
        assertThat(projects.revokeKey(id, dash.key().id()).revoked()).isTrue();
        assertThat(projects.revokeKey(id, dash.key().id()).revoked()).isTrue();
    }

    @Test
    void keysKeepWorkingAfterARestartAndOnlyMasterSecretsAreSealed() {
        CreatedProject created = projects.createProject("acme");
        core.close();
        core = CairnCore.open(config());
        projects = core.projects();
        for (IssuedKey key : created.keys()) {
            assertThat(projects.authenticate(new Credential.Secret(key.secret())).role()).isEqualTo(key.key().role());
        }
        assertThat(core.firstStart()).isFalse();
    }
}
