package io.cairn.core.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.ProjectId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9}: a separate JVM writes through the group-committing writer, the
 * test kills it mid-stream, reopens the database and finds every acknowledged row.
 */
class WriterDurabilityIT {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        ProjectId projectId = ProjectId.random();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), WriterProbe.class.getName(),
                dataDir.toString(), projectId.value())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String line; (line = reader.readLine()) != null && System.nanoTime() < deadline; ) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (acknowledged.size() >= 5000) {
                        break;
                    }
                }
            }
            // Killed while writes are in flight; acks still in the pipe are simply not checked.
            probe.destroyForcibly();
            probe.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(5000);

        try (DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir))) {
            List<Long> stored = engine.project(projectId).read(s -> s.query("SELECT n FROM acks", List.of(),
                    r -> r.longValue(1)));
            assertThat(new HashSet<>(stored)).containsAll(acknowledged);
        }
    }
}
