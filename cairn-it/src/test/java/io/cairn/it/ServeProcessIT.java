package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.client.Cairn;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn serve} as a real process: first start, SIGTERM, restart, and {@code kill -9}. */
class ServeProcessIT {

    /** 128 + 15: how a JVM that ran its shutdown hooks after SIGTERM exits. */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path workDir;

    @Test
    void firstStartPrintsTheDefaultProjectsKeysOnceAndTheyWork() throws Exception {
        Path dataDir = workDir.resolve("data");
        List<String> firstBanner;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            firstBanner = server.stdout();
            String adminToken = Files.readString(dataDir.resolve("admin-token")).trim();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
                    .isEqualTo("rw-------");
            String banner = String.join("\n", firstBanner);
            assertThat(banner).contains("Created project \"default\"").contains(adminToken);
            List<String> secrets = firstBanner.stream().filter(line -> line.matches("\\s+\\w+\\s+key\\s+[0-9a-f]{64}.*"))
                    .map(line -> line.trim().split("\\s+")[2]).toList();
            assertThat(secrets).hasSize(3);

            try (Cairn cairn = sdk(server.baseUri(), adminToken)) {
                List<Project> projects = cairn.admin().listProjects();
                assertThat(projects).extracting(Project::name).containsExactly("default");
                assertThat(cairn.admin().listKeys(projects.getFirst().id())).extracting(ApiKey::role)
                        .containsExactly(KeyRole.MASTER, KeyRole.WRITE, KeyRole.READ);
            }
            assertThat(server.terminate()).isIn(0, SIGTERM_EXIT);
        }
        try (ServerProcess again = ServerProcess.start(dataDir)) {
            assertThat(String.join("\n", again.stdout())).doesNotContain("first start");
            assertThat(again.stdout()).noneMatch(line -> line.matches(".*[0-9a-f]{64}.*"));
            assertThat(again.terminate()).isIn(0, SIGTERM_EXIT);
        }
    }

    @Test
    void sigtermLetsInFlightRequestsFinishAndClosesCleanly() throws Exception {
        Path dataDir = workDir.resolve("graceful");
        ServerProcess server = ServerProcess.start(dataDir, "--admin-token", "graceful-admin-token-123");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        Set<String> created = ConcurrentHashMap.newKeySet();
        try (Cairn cairn = sdk(server.baseUri(), "graceful-admin-token-123");
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String name = "g-" + thread + "-" + i;
                        try {
                            cairn.admin().createProject(name);
                            created.add(name);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            return;
                        }
                    }
                });
            }
            while (created.size() < 20) {
                Thread.sleep(20);
            }
            assertThat(server.terminate()).isIn(0, SIGTERM_EXIT);
            stop.set(true);
        }
        // The log says storage closed, i.e. databases were checkpointed, not abandoned.
        assertThat(Files.readString(workDir.resolve("graceful.stderr.log"))).contains("storage closed");
        try (ServerProcess again = ServerProcess.start(dataDir, "--admin-token", "graceful-admin-token-123");
                Cairn cairn = sdk(again.baseUri(), "graceful-admin-token-123")) {
            Set<String> names = cairn.admin().listProjects().stream().map(Project::name).collect(Collectors.toSet());
            assertThat(names).containsAll(created);
        }
    }

    @Test
    void everyAcknowledgedProjectAndKeySurvivesKillMinus9() throws Exception {
        Path dataDir = workDir.resolve("killed");
        String token = "killed-admin-token-12345";
        Set<String> acknowledgedProjects = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedKeys = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = ServerProcess.start(dataDir, "--admin-token", token);
                Cairn cairn = sdk(server.baseUri(), token);
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        CreatedProject project = cairn.admin().createProject("k-" + thread + "-" + i);
                        acknowledgedProjects.add(project.project().id());
                        acknowledgedKeys.add(cairn.admin().createKey(project.project().id(), KeyRole.READ, "r" + i)
                                .key().id());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            server.kill();
        }
        assertThat(acknowledgedProjects).hasSize(120);
        try (ServerProcess again = ServerProcess.start(dataDir, "--admin-token", token);
                Cairn cairn = sdk(again.baseUri(), token)) {
            Set<String> projects = cairn.admin().listProjects().stream().map(Project::id).collect(Collectors.toSet());
            assertThat(projects).containsAll(acknowledgedProjects);
            Set<String> keys = ConcurrentHashMap.newKeySet();
            for (String project : acknowledgedProjects) {
                cairn.admin().listKeys(project).forEach(key -> keys.add(key.id()));
            }
            assertThat(keys).containsAll(acknowledgedKeys);
        }
    }

    private static Cairn sdk(URI baseUri, String adminToken) {
        return Cairn.builder().baseUrl(baseUri.toString()).adminToken(adminToken).build();
    }
}
