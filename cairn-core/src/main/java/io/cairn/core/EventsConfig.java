package io.cairn.core;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Event ingestion.
 *
 * @param idempotencyWindow how long a batch's {@code Idempotency-Key} is remembered ({@code events.idempotency-window})
 */
public record EventsConfig(Duration idempotencyWindow) {

    public static final String IDEMPOTENCY_WINDOW = "events.idempotency-window";

    public EventsConfig {
        requireNonNull(idempotencyWindow, "idempotencyWindow is null");
    }

    public static EventsConfig from(Settings s) {
        return new EventsConfig(s.duration(IDEMPOTENCY_WINDOW, Duration.ofHours(24)));
    }

    public Map<String, String> toProperties() {
        return Map.of(IDEMPOTENCY_WINDOW, Settings.format(idempotencyWindow));
    }
}
