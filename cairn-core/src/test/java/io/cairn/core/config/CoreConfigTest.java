package io.cairn.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.AdminConfig;
import io.cairn.core.CoreConfig;
import io.cairn.core.EventsConfig;
import io.cairn.core.SchedulerConfig;
import io.cairn.core.StorageConfig;
import io.cairn.core.model.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreConfigTest {

    @Test
    void everyDefault() {
        CoreConfig config = CoreConfig.defaults();
        StorageConfig storage = config.storage();
        assertThat(storage.dataDir()).isEqualTo(Path.of("cairn-data"));
        assertThat(storage.maxOpenProjects()).isEqualTo(64);
        assertThat(storage.idleClose()).isEqualTo(Duration.ofMinutes(10));
        assertThat(storage.writeQueueCapacity()).isEqualTo(1024);
        assertThat(storage.writeQueueTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(storage.maxWriteBatch()).isEqualTo(512);
        assertThat(storage.readConnections()).isEqualTo(8);
        assertThat(storage.memoryPerDatabase()).isEqualTo(DataSize.ofGigabytes(2));
        assertThat(storage.threadsPerDatabase()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(storage.checkpointThreshold()).isEqualTo(DataSize.ofMegabytes(512));
        assertThat(config.admin().token()).isEmpty();
        assertThat(config.events().idempotencyWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(config.scheduler().tick()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyKeyMapsFromProperties() {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("storage.data-dir", "/srv/cairn"),
                Map.entry("storage.max-open-projects", "5"),
                Map.entry("storage.idle-close", "2m"),
                Map.entry("storage.write-queue-capacity", "10"),
                Map.entry("storage.write-queue-timeout", "3s"),
                Map.entry("storage.max-write-batch", "7"),
                Map.entry("storage.read-connections", "2"),
                Map.entry("storage.memory-per-database", "256MB"),
                Map.entry("storage.threads-per-database", "3"),
                Map.entry("storage.checkpoint-threshold", "64MB"),
                Map.entry("admin.token", "a-long-enough-admin-token"),
                Map.entry("events.idempotency-window", "2h"),
                Map.entry("scheduler.tick", "5s"));
        Settings settings = Settings.of(properties, "test");
        CoreConfig config = CoreConfig.from(settings);

        assertThat(config.storage()).isEqualTo(new StorageConfig(Path.of("/srv/cairn"), 5, Duration.ofMinutes(2), 10,
                Duration.ofSeconds(3), 7, 2, DataSize.ofMegabytes(256), 3, DataSize.ofMegabytes(64)));
        assertThat(config.admin()).isEqualTo(new AdminConfig(Optional.of("a-long-enough-admin-token")));
        assertThat(config.events()).isEqualTo(new EventsConfig(Duration.ofHours(2)));
        assertThat(config.scheduler()).isEqualTo(new SchedulerConfig(Duration.ofSeconds(5)));
        assertThat(settings.unreadKeys()).isEmpty();
        assertThat(config.toProperties()).isEqualTo(properties);
    }

    @Test
    void aShortAdminTokenIsRefused() {
        assertThatThrownBy(() -> CoreConfig.from(Settings.of(Map.of("admin.token", "short"), "test")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.token must be at least 16 characters");
    }

    @Test
    void aSchedulerTickUnder10msIsRefused() {
        assertThatThrownBy(() -> CoreConfig.from(Settings.of(Map.of("scheduler.tick", "0s"), "test")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scheduler.tick").hasMessageContaining("at least 10ms");
    }

    @Test
    void theAdminTokenIsListedAsSensitive() {
        assertThat(CoreConfig.SENSITIVE_KEYS).contains("admin.token");
    }
}
