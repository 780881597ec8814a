package io.cairn.cli.config;

import io.cairn.core.StorageConfig;
import io.cairn.core.config.ConfigException;
import io.cairn.core.config.Settings;
import io.cairn.server.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the server configuration from its layers, lowest to highest: built-in defaults, the config file
 * ({@code --config}, else {@code cairn.properties} in the data directory when present), {@code CAIRN_*} environment
 * variables ({@code storage.data-dir} is {@code CAIRN_STORAGE_DATA_DIR}), then command-line flags.
 */
public final class ConfigLoader {

    /** The config file looked for in the data directory when no {@code --config} is given. */
    public static final String FILE_NAME = "cairn.properties";
    /** Environment variables of the CLI's client side, which are not server settings. */
    private static final Set<String> CLIENT_VARIABLES = Set.of("CAIRN_URL", "CAIRN_TMPDIR", "CAIRN_JAVA_OPTS");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The outcome: the settings to build the config from, and warnings for keys that mean nothing. */
    public record Loaded(ServerConfig config, Set<String> unknownKeys, Optional<Path> file) {}

    /**
     * @param configFile the {@code --config} file, if given (it must exist)
     * @param flags      settings from command-line flags, keyed like the file
     */
    public Loaded load(Optional<Path> configFile, Map<String, String> flags) {
        Map<String, Settings.Value> values = new LinkedHashMap<>();
        Map<String, String> fromEnvironment = environmentSettings();
        Optional<Path> file = configFile.or(() -> defaultFile(fromEnvironment, flags));
        file.ifPresent(path -> readFile(path).forEach((key, value) ->
                values.put(key, new Settings.Value(value, "config file " + path))));
        fromEnvironment.forEach((key, value) ->
                values.put(key, new Settings.Value(value, "environment " + environmentName(key))));
        flags.forEach((key, value) -> values.put(key, new Settings.Value(value, "command-line flag")));

        Settings settings = new Settings(values);
        ServerConfig config = ServerConfig.from(settings);
        Set<String> unknown = new TreeSet<>(settings.unreadKeys());
        unknown.addAll(unknownEnvironmentVariables());
        return new Loaded(config, unknown, file);
    }

    /** {@code storage.data-dir} → {@code CAIRN_STORAGE_DATA_DIR}. */
    public static String environmentName(String key) {
        return "CAIRN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Map<String, String> environmentSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : ServerConfig.knownKeys()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                settings.put(key, value);
            }
        }
        return settings;
    }

    private Set<String> unknownEnvironmentVariables() {
        Set<String> known = new TreeSet<>(CLIENT_VARIABLES);
        ServerConfig.knownKeys().forEach(key -> known.add(environmentName(key)));
        Set<String> unknown = new TreeSet<>();
        environment.keySet().stream()
                .filter(name -> name.startsWith("CAIRN_") && !known.contains(name))
                .forEach(name -> unknown.add("environment " + name));
        return unknown;
    }

    /** {@code cairn.properties} in the data directory chosen by flags or environment, if it exists. */
    private static Optional<Path> defaultFile(Map<String, String> environment, Map<String, String> flags) {
        String dataDir = flags.getOrDefault(StorageConfig.DATA_DIR,
                environment.getOrDefault(StorageConfig.DATA_DIR, "cairn-data"));
        Path file = Path.of(dataDir).resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("config file " + path + " does not exist");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name.trim(), properties.getProperty(name).trim());
        }
        return values;
    }
}
