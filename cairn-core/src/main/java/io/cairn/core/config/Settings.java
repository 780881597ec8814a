package io.cairn.core.config;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.DataSize;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flat configuration properties with typed getters. Every getter takes the default, so a key cannot be read
 * without one; every key read is remembered, so keys nobody read can be reported as unknown. A bad value throws a
 * {@link ConfigException} naming the key, the value, where it came from and what was expected.
 *
 * <p>Not thread-safe: configuration is read once, at startup, on one thread.
 */
public final class Settings {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    /** One value and a label of where it came from, e.g. {@code environment CAIRN_HTTP_PORT}. */
    public record Value(String text, String source) {
        public Value {
            requireNonNull(text, "text is null");
            requireNonNull(source, "source is null");
        }
    }

    private final Map<String, Value> values;
    private final Set<String> read = new HashSet<>();

    public Settings(Map<String, Value> values) {
        this.values = Map.copyOf(values);
    }

    /** Settings from plain properties, all labelled with the same source. */
    public static Settings of(Map<String, String> properties, String source) {
        Map<String, Value> values = new LinkedHashMap<>();
        properties.forEach((key, text) -> values.put(key, new Value(text, source)));
        return new Settings(values);
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public String string(String key, String fallback) {
        return optional(key).map(Value::text).orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        return optional(key).map(Value::text).filter(text -> !text.isBlank());
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<Value> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get().text().trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw invalid(key, value.get(), "an integer from " + min + " to " + max);
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key, Duration fallback) {
        Optional<Value> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration parsed = parseDuration(value.get().text());
        if (parsed == null || parsed.isNegative()) {
            throw invalid(key, value.get(), "a duration such as 500ms, 30s, 5m, 2h or 1d");
        }
        return parsed;
    }

    /** A {@link #duration} of at least {@code min}. */
    public Duration duration(String key, Duration fallback, Duration min) {
        Duration parsed = duration(key, fallback);
        if (parsed.compareTo(min) < 0) {
            throw invalid(key, optional(key).orElseThrow(), "a duration of at least " + format(min));
        }
        return parsed;
    }

    public DataSize size(String key, DataSize fallback) {
        Optional<Value> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return DataSize.parse(value.get().text());
        } catch (IllegalArgumentException e) {
            throw invalid(key, value.get(), "a size such as 512KB, 64MB or 2GB");
        }
    }

    public Path path(String key, Path fallback) {
        Optional<Value> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Path.of(value.get().text().trim());
        } catch (InvalidPathException e) {
            throw invalid(key, value.get(), "a file system path");
        }
    }

    public <E extends Enum<E>> E choice(String key, E fallback) {
        Optional<Value> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String wanted = value.get().text().trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw invalid(key, value.get(), "one of " + names);
    }

    /** Keys that were set but that no getter asked for: misspelled or obsolete settings. */
    public Set<String> unreadKeys() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** Where a key's value came from, for messages. */
    public Optional<String> sourceOf(String key) {
        return Optional.ofNullable(values.get(key)).map(Value::source);
    }

    private Optional<Value> optional(String key) {
        read.add(key);
        return Optional.ofNullable(values.get(key));
    }

    private static ConfigException invalid(String key, Value value, String expected) {
        return new ConfigException(
                "invalid configuration " + key + "=" + value.text() + " (from " + value.source() + "): expected "
                        + expected);
    }

    static Duration parseDuration(String text) {
        String trimmed = text.trim();
        Matcher m = DURATION.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Renders a duration the way {@link #duration} reads it back, e.g. {@code 30s} or {@code 5m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0 && millis != 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
