package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.Hex;
import io.cairn.core.model.ProjectId;
import io.cairn.core.testing.KeenScopedKeyProducer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access keys and scoped keys, through the real project service on a real catalog. */
class AccessKeyServiceTest {

    private static final Map<String, Object> OPTIONS = Map.of("writes", Map.of("autofill", Map.of("tenant", "acme")),
            "cached_queries", Map.of("blocked", List.of("x")));

    @TempDir
    Path dataDir;

    private CairnCore core;
    private ProjectService projects;
    private AccessKeyService keys;
    private CreatedProject project;
    private ProjectId pid;

    @BeforeEach
    void open() {
        reopen();
        project = projects.createProject("acme");
        pid = project.project().id();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void anAccessKeyAuthenticatesAsARestrictedPrincipalOfItsProject() {
        AccessKey key = keys.create(pid, new AccessKeySpec("ingest", true, Set.of(Permission.WRITES), OPTIONS));
        assertThat(key.secret()).matches("[0-9a-f]{64}");
        assertThat(key.spec().options()).isEqualTo(OPTIONS);
        Principal principal = projects.authenticate(new Credential.Secret(key.secret()));
        assertThat(principal.projectId()).isEqualTo(pid);
        assertThat(principal.keyId()).isEqualTo(key.id());
        assertThat(principal.scope()).isInstanceOfSatisfying(Scope.Restricted.class, scope -> {
            assertThat(scope.permitted()).containsExactly(Permission.WRITES);
            assertThat(scope.writeAutofill()).isEqualTo(Map.of("tenant", "acme"));
        });
    }

    @Test
    void keysAreListedReadUpdatedRevokedAndDeletedByTheirValue() {
        AccessKey first = keys.create(pid, new AccessKeySpec("a", true, Set.of(Permission.QUERIES), Map.of()));
        AccessKey second = keys.create(pid, new AccessKeySpec("b", true, Set.of(Permission.SCHEMA), Map.of()));
        assertThat(keys.list(pid)).containsExactly(first, second);
        assertThat(keys.get(pid, second.secret())).isEqualTo(second);

        AccessKey updated = keys.update(pid, first.secret(),
                new AccessKeySpec("a2", true, Set.of(Permission.WRITES), OPTIONS));
        assertThat(updated.secret()).isEqualTo(first.secret());
        assertThat(updated.spec().name()).isEqualTo("a2");
        assertThat(updated.createdAt()).isEqualTo(first.createdAt());
        assertThat(projects.authenticate(new Credential.Secret(first.secret())).scope().writeAutofill())
                .containsEntry("tenant", "acme");

        assertThat(keys.revoke(pid, first.secret()).spec().active()).isFalse();
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(first.secret())))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(keys.unrevoke(pid, first.secret()).spec().active()).isTrue();
        projects.authenticate(new Credential.Secret(first.secret()));

        keys.delete(pid, first.secret());
        assertThat(keys.list(pid)).containsExactly(second);
        assertThatThrownBy(() -> keys.get(pid, first.secret())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(first.secret())))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anotherProjectsKeysAndProjectKeysAreNotAccessKeysOfTheProject() {
        ProjectId other = projects.createProject("other").project().id();
        AccessKey foreign = keys.create(other, new AccessKeySpec("f", true, Set.of(), Map.of()));
        for (String secret : List.of(foreign.secret(), project.keys().get(0).secret(), Hex.random(64))) {
            assertThatThrownBy(() -> keys.get(pid, secret)).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND));
        }
        assertThat(keys.list(pid)).isEmpty();
        assertThatThrownBy(() -> keys.list(ProjectId.random())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void invalidOptionsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> keys.create(pid, new AccessKeySpec("bad", true, Set.of(),
                Map.of("queries", Map.of("filters", "tenant = acme"))))).isInstanceOf(InvalidRequestException.class);
        assertThat(keys.list(pid)).isEmpty();
        assertThatThrownBy(() -> new AccessKeySpec(" ", true, Set.of(), Map.of()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void accessKeysSurviveARestartWithTheirValuesAndStateAndGoWithTheirProject() {
        AccessKey key = keys.create(pid, new AccessKeySpec("k", true, Set.of(Permission.WRITES), OPTIONS));
        AccessKey revoked = keys.revoke(pid, keys.create(pid, new AccessKeySpec("r", true, Set.of(), Map.of()))
                .secret());
        core.close();
        reopen();
        assertThat(keys.list(pid)).containsExactly(key, revoked);
        assertThat(projects.authenticate(new Credential.Secret(key.secret())).keyId()).isEqualTo(key.id());
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(revoked.secret())))
                .isInstanceOf(UnauthenticatedException.class);
        projects.deleteProject(pid);
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(key.secret())))
                .isInstanceOf(UnauthenticatedException.class);
        core.close();
        reopen();
        assertThatThrownBy(() -> projects.authenticate(new Credential.Secret(key.secret())))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aScopedKeyOpensWithAnActiveMasterKeyOfTheAddressedProjectOnly() {
        String master = project.keys().get(0).secret();
        String json = KeenScopedKeyProducer.pythonReadOptions("acme", 16, true);
        String scoped = KeenScopedKeyProducer.PYTHON.encrypt(master, json);
        Principal principal = projects.authenticate(new Credential.ScopedKey(scoped, pid));
        assertThat(principal.keyId()).isEqualTo(project.keys().get(0).key().id());
        assertThat(principal.scope().queryFilters()).hasSize(1);
        assertThat(principal.scope()).isInstanceOfSatisfying(Scope.Restricted.class,
                scope -> assertThat(scope.permitted()).isEqualTo(KeyOptions.READ_PERMISSIONS));

        ProjectId other = projects.createProject("other").project().id();
        assertThatThrownBy(() -> projects.authenticate(new Credential.ScopedKey(scoped, other)))
                .isInstanceOf(UnauthenticatedException.class);
        String written = KeenScopedKeyProducer.PYTHON.encrypt(project.keys().get(1).secret(), json);
        assertThatThrownBy(() -> projects.authenticate(new Credential.ScopedKey(written, pid)))
                .isInstanceOf(UnauthenticatedException.class);

        IssuedKey newMaster = projects.createKey(pid, Role.MASTER, "rotated");
        String rotated = KeenScopedKeyProducer.JAVA.encrypt(newMaster.secret(), "{\"allowed_operations\":[\"write\"]}");
        assertThat(projects.authenticate(new Credential.ScopedKey(rotated, pid)).keyId())
                .isEqualTo(newMaster.key().id());
        projects.revokeKey(pid, project.keys().get(0).key().id());
        assertThatThrownBy(() -> projects.authenticate(new Credential.ScopedKey(scoped, pid)))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aScopedKeyWithInvalidOptionsIsAnInvalidKey() {
        String master = project.keys().get(0).secret();
        for (String json : List.of("{\"allowed_operations\": [\"delete\"]}", "{\"filters\": []}",
                "{\"allowed_operations\": [\"read\"], \"timeframe\": \"someday\"}")) {
            String scoped = KeenScopedKeyProducer.JAVA.encrypt(master, json);
            assertThatThrownBy(() -> projects.authenticate(new Credential.ScopedKey(scoped, pid))).as(json)
                    .isInstanceOf(UnauthenticatedException.class);
        }
    }

    private void reopen() {
        CoreConfig defaults = CoreConfig.defaults();
        core = CairnCore.open(defaults.withStorage(defaults.storage().withDataDir(dataDir)
                .withMemory(DataSize.ofMegabytes(256))));
        projects = core.projects();
        keys = projects.accessKeys();
    }
}
