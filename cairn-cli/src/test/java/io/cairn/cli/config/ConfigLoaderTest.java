package io.cairn.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.config.ConfigException;
import io.cairn.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void withNothingSetEveryValueIsTheDefault() {
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of()).load(Optional.empty(),
                Map.of("storage.data-dir", dir.toString()));
        assertThat(loaded.config().http()).isEqualTo(ServerConfig.defaults().http());
        assertThat(loaded.unknownKeys()).isEmpty();
        assertThat(loaded.file()).isEmpty();
    }

    @Test
    void layersApplyInOrderFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("cairn.properties");
        Files.writeString(file, "http.port=1111\nhttp.bind=0.0.0.0\nstorage.max-open-projects=3\n");
        Map<String, String> environment = Map.of("CAIRN_HTTP_PORT", "2222", "CAIRN_STORAGE_MAX_OPEN_PROJECTS", "4");
        ConfigLoader.Loaded loaded = new ConfigLoader(environment).load(Optional.of(file), Map.of("http.port", "3333"));
        ServerConfig config = loaded.config();
        assertThat(config.http().port()).isEqualTo(3333);
        assertThat(config.http().bind()).isEqualTo("0.0.0.0");
        assertThat(config.core().storage().maxOpenProjects()).isEqualTo(4);
        assertThat(loaded.file()).contains(file);
    }

    @Test
    void theDataDirectorysCairnPropertiesIsReadWhenNoConfigIsGiven() throws Exception {
        Files.writeString(dir.resolve("cairn.properties"), "http.port=4444\n");
        ConfigLoader.Loaded fromFlag = new ConfigLoader(Map.of()).load(Optional.empty(),
                Map.of("storage.data-dir", dir.toString()));
        assertThat(fromFlag.config().http().port()).isEqualTo(4444);
        ConfigLoader.Loaded fromEnvironment = new ConfigLoader(Map.of("CAIRN_STORAGE_DATA_DIR", dir.toString()))
                .load(Optional.empty(), Map.of());
        assertThat(fromEnvironment.config().http().port()).isEqualTo(4444);
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(ConfigLoader.environmentName("storage.data-dir")).isEqualTo("CAIRN_STORAGE_DATA_DIR");
        assertThat(ConfigLoader.environmentName("http.max-body-size")).isEqualTo("CAIRN_HTTP_MAX_BODY_SIZE");
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of("CAIRN_ADMIN_TOKEN", "token-from-environment"))
                .load(Optional.empty(), Map.of());
        assertThat(loaded.config().core().admin().token()).contains("token-from-environment");
    }

    @Test
    void unknownKeysAndVariablesAreReported() throws Exception {
        Path file = dir.resolve("custom.properties");
        Files.writeString(file, "http.prot=1\n");
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of("CAIRN_HTTP_PROT", "1", "CAIRN_URL", "http://x"))
                .load(Optional.of(file), Map.of());
        assertThat(loaded.unknownKeys()).containsExactly("environment CAIRN_HTTP_PROT", "http.prot");
    }

    @Test
    void badValuesAndMissingFilesStopWithTheKeyAndSourceNamed() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CAIRN_HTTP_PORT", "eighty")).load(Optional.empty(),
                Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port=eighty (from environment CAIRN_HTTP_PORT)");
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "storage.idle-close=soon\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), Map.of()))
                .hasMessageContaining("storage.idle-close=soon (from config file " + file + ")");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(dir.resolve("missing.properties")),
                Map.of())).hasMessageContaining("does not exist");
    }
}
