package io.cairn.core;

import io.cairn.core.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Periodic work.
 *
 * @param tick how often the scheduler looks for due work ({@code scheduler.tick}): cached queries and datasets are
 *             refreshed at most this long after they fall due
 */
public record SchedulerConfig(Duration tick) {

    public static final String TICK = "scheduler.tick";

    public SchedulerConfig {
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("scheduler.tick must be positive");
        }
    }

    public static SchedulerConfig from(Settings s) {
        return new SchedulerConfig(s.duration(TICK, Duration.ofSeconds(30), Duration.ofMillis(10)));
    }

    public Map<String, String> toProperties() {
        return Map.of(TICK, Settings.format(tick));
    }
}
