package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.CoreConfig;
import io.cairn.core.config.Settings;
import io.cairn.core.model.DataSize;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void everyDefault() {
        ServerConfig config = ServerConfig.defaults();
        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080, DataSize.ofMegabytes(64),
                Duration.ofSeconds(30)));
        assertThat(config.log().format()).isEqualTo(LogConfig.Format.TEXT);
        assertThat(config.core()).isEqualTo(CoreConfig.defaults());
    }

    @Test
    void everyKeyMapsFromPropertiesAndBack() {
        Map<String, String> properties = new HashMap<>(Map.of(
                "http.bind", "0.0.0.0",
                "http.port", "9090",
                "http.max-body-size", "2MB",
                "http.shutdown-timeout", "5s",
                "log.format", "json"));
        properties.putAll(CoreConfig.defaults().toProperties());
        properties.put("admin.token", "0123456789abcdef0123");
        Settings settings = Settings.of(properties, "test");
        ServerConfig config = ServerConfig.from(settings);

        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 9090, DataSize.ofMegabytes(2),
                Duration.ofSeconds(5)));
        assertThat(config.log().format()).isEqualTo(LogConfig.Format.JSON);
        assertThat(config.core().admin().token()).contains("0123456789abcdef0123");
        assertThat(settings.unreadKeys()).isEmpty();
        assertThat(config.toProperties()).isEqualTo(properties);
    }

    @Test
    void describeMasksSecrets() {
        Settings settings = Settings.of(Map.of("admin.token", "0123456789abcdef0123"), "test");
        String description = ServerConfig.from(settings).describe();
        assertThat(description).contains("admin.token=***").doesNotContain("0123456789abcdef0123");
        assertThat(description).contains("http.port=8080").contains("storage.data-dir=cairn-data");
    }
}
