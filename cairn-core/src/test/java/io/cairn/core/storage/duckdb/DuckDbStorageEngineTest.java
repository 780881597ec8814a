package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.ConflictException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.ApiKey;
import io.cairn.core.project.Project;
import io.cairn.core.project.Role;
import io.cairn.core.project.StoredKey;
import io.cairn.core.storage.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStorageEngineTest {

    @TempDir
    Path dataDir;

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void anEmptyDirectoryGetsTheDocumentedLayoutAndAMigratedCatalog() {
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            assertThat(engine.catalog().createdNow()).isTrue();
            assertThat(dataDir.resolve("catalog.duckdb")).exists();
            assertThat(dataDir.resolve("projects")).isDirectory();
            assertThat(engine.isReady()).isTrue();
        }
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            assertThat(engine.catalog().createdNow()).isFalse();
        }
    }

    @Test
    void projectsAndKeysSurviveARestart() {
        ProjectId id = ProjectId.random();
        StoredKey key = key(id, Role.MASTER, "ops");
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            engine.createProject(id);
            engine.catalog().createProject(new Project(id, "acme", T0), List.of(key));
        }
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            assertThat(engine.catalog().listProjects()).containsExactly(new Project(id, "acme", T0));
            assertThat(engine.catalog().listKeys(id)).containsExactly(key);
            assertThat(engine.catalog().revokeKey(id, key.key().id())).isTrue();
            assertThat(engine.catalog().listAllKeys().getFirst().key().revoked()).isTrue();
            assertThat(engine.catalog().revokeKey(id, KeyId.random())).isFalse();
        }
    }

    @Test
    void projectDataSurvivesARestart() {
        ProjectId id = ProjectId.random();
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            engine.createProject(id);
            engine.project(id).write(s -> s.execute("CREATE TABLE t AS SELECT range AS n FROM range(1000)",
                    List.of()));
        }
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            List<Long> sums = engine.project(id).read(s -> s.query("SELECT sum(n) FROM t", List.of(),
                    r -> r.longValue(1)));
            assertThat(sums).containsExactly(499_500L);
        }
    }

    @Test
    void aTakenProjectNameIsAConflictAndLeavesNothingHalfWritten() {
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            ProjectId first = ProjectId.random();
            engine.catalog().createProject(new Project(first, "acme", T0), List.of(key(first, Role.READ, null)));
            ProjectId second = ProjectId.random();
            assertThatThrownBy(() -> engine.catalog().createProject(new Project(second, "acme", T0),
                    List.of(key(second, Role.READ, null)))).isInstanceOf(ConflictException.class);
            assertThat(engine.catalog().listProjects()).hasSize(1);
            assertThat(engine.catalog().listAllKeys()).hasSize(1);
        }
    }

    @Test
    void aProjectStoreWritesAndReadsItsOwnDatabaseFile() {
        ProjectId id = ProjectId.random();
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            engine.createProject(id);
            assertThat(dataDir.resolve("projects/" + id + ".duckdb")).exists();
            ProjectStore store = engine.project(id);
            store.write(s -> s.execute("CREATE TABLE notes (noted_at TIMESTAMP, body VARCHAR)", List.of()));
            store.write(s -> s.execute("INSERT INTO notes VALUES (?, ?)", List.of(T0, "it's \"quoted\"")));
            List<String> rows = store.read(s -> s.query("SELECT noted_at, body FROM notes", List.of(),
                    r -> r.instant(1) + " " + r.string(2)));
            assertThat(rows).containsExactly(T0 + " it's \"quoted\"");
            assertThat(engine.stats().fileBytes()).containsKeys("catalog", id.value());
            assertThat(engine.stats().openDatabases()).isEqualTo(2);
        }
    }

    @Test
    void droppingAProjectDeletesItsFilesAndRefusesFurtherUse() {
        ProjectId id = ProjectId.random();
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            engine.createProject(id);
            engine.project(id).write(s -> s.execute("CREATE TABLE x (n INTEGER)", List.of()));
            engine.dropProject(id);
            assertThat(dataDir.resolve("projects/" + id + ".duckdb")).doesNotExist();
            assertThatThrownBy(() -> engine.project(id).read(s -> null)).isInstanceOf(NotFoundException.class);
            engine.dropProject(id);
        }
    }

    @Test
    void idleProjectDatabasesAreClosedAndReopenedOnDemand() throws Exception {
        ProjectId id = ProjectId.random();
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(
                TestStorage.config(dataDir).withIdleClose(Duration.ofMillis(100)))) {
            engine.createProject(id);
            engine.project(id).write(s -> s.execute("CREATE TABLE x (n INTEGER)", List.of()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.stats().openDatabases() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.stats().openDatabases()).isEqualTo(1);
            engine.project(id).write(s -> s.execute("INSERT INTO x VALUES (1)", List.of()));
            assertThat(engine.stats().openDatabases()).isEqualTo(2);
        }
    }

    @Test
    void atMostTheConfiguredNumberOfProjectDatabasesStayOpen() throws Exception {
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(
                TestStorage.config(dataDir).withMaxOpenProjects(2))) {
            for (int i = 0; i < 5; i++) {
                ProjectId id = ProjectId.random();
                engine.createProject(id);
                engine.project(id).write(s -> s.execute("CREATE TABLE x (n INTEGER)", List.of()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.stats().openDatabases() > 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.stats().openDatabases()).isEqualTo(1 + 2);
        }
    }

    @Test
    void aSecondServerCannotOpenTheSameDirectory() {
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            assertThatThrownBy(() -> DuckDbStorageEngine.open(TestStorage.config(dataDir)))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("in use by another Cairn server");
        }
    }

    @Test
    void aCatalogNewerThanThisCodeIsRefused() {
        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            assertThat(engine.isReady()).isTrue();
        }
        DuckDbDatabase catalog = DuckDbDatabase.open("catalog", dataDir.resolve("catalog.duckdb"),
                TestStorage.config(dataDir));
        catalog.submit(s -> s.execute("INSERT INTO cairn_schema_version VALUES (999, 'future', now()::TIMESTAMP)",
                List.of())).join();
        catalog.close();
        assertThatThrownBy(() -> DuckDbStorageEngine.open(TestStorage.config(dataDir)))
                .hasMessageContaining("has schema version 999");
        assertThat(Files.exists(dataDir.resolve("catalog.duckdb"))).isTrue();
    }

    private static StoredKey key(ProjectId projectId, Role role, String name) {
        return new StoredKey(new ApiKey(KeyId.random(), projectId, role, name, T0, false), new byte[32],
                role == Role.MASTER ? new byte[] {1, 2, 3} : null);
    }
}
