package io.cairn.server;

import static java.util.Objects.requireNonNull;

import io.cairn.core.CoreConfig;
import io.cairn.core.config.Settings;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/** The whole configuration of a server process: HTTP, logging and the core. */
public record ServerConfig(HttpConfig http, LogConfig log, CoreConfig core) {

    public ServerConfig {
        requireNonNull(http, "http is null");
        requireNonNull(log, "log is null");
        requireNonNull(core, "core is null");
    }

    public static ServerConfig defaults() {
        return from(Settings.empty());
    }

    public static ServerConfig from(Settings settings) {
        return new ServerConfig(HttpConfig.from(settings), LogConfig.from(settings), CoreConfig.from(settings));
    }

    /** Every key the server reads, optional ones included; anything else in a config source is a mistake. */
    public static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(defaults().toProperties().keySet());
        keys.addAll(CoreConfig.SENSITIVE_KEYS);
        return keys;
    }

    /** Every effective value, the way {@link #from} reads them back. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new TreeMap<>(http.toProperties());
        p.putAll(log.toProperties());
        p.putAll(core.toProperties());
        return p;
    }

    /** One line of {@code key=value} pairs with secrets masked, for the startup log. */
    public String describe() {
        StringJoiner line = new StringJoiner(" ");
        toProperties().forEach((key, value) ->
                line.add(key + "=" + (CoreConfig.SENSITIVE_KEYS.contains(key) ? "***" : value)));
        return line.toString();
    }

    public ServerConfig withHttp(HttpConfig http) {
        return new ServerConfig(http, log, core);
    }

    public ServerConfig withCore(CoreConfig core) {
        return new ServerConfig(http, log, core);
    }
}
