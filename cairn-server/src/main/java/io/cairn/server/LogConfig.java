package io.cairn.server;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.Settings;
import java.util.Locale;
import java.util.Map;

/** How log lines are written: {@code log.format=text} (the default) or {@code json}, one object per line. */
public record LogConfig(Format format) {

    public static final String FORMAT = "log.format";

    public enum Format {
        TEXT,
        JSON
    }

    public LogConfig {
        requireNonNull(format, "format is null");
    }

    public static LogConfig from(Settings s) {
        return new LogConfig(s.choice(FORMAT, Format.TEXT));
    }

    public Map<String, String> toProperties() {
        return Map.of(FORMAT, format.name().toLowerCase(Locale.ROOT));
    }
}
