package io.cairn.core;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.Settings;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the core needs to start: storage, the admin token, events, the scheduler; later jobs and SQL limits. */
public record CoreConfig(StorageConfig storage, AdminConfig admin, EventsConfig events, SchedulerConfig scheduler) {

    /** Keys whose values are secrets: masked wherever configuration is shown. */
    public static final Set<String> SENSITIVE_KEYS = Set.of(AdminConfig.TOKEN);

    public CoreConfig {
        requireNonNull(storage, "storage is null");
        requireNonNull(admin, "admin is null");
        requireNonNull(events, "events is null");
        requireNonNull(scheduler, "scheduler is null");
    }

    public static CoreConfig defaults() {
        return from(Settings.empty());
    }

    public static CoreConfig from(Settings settings) {
        return new CoreConfig(StorageConfig.from(settings), AdminConfig.from(settings), EventsConfig.from(settings),
                SchedulerConfig.from(settings));
    }

    /** The effective values as properties, the way {@link #from} reads them. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new TreeMap<>(storage.toProperties());
        p.putAll(admin.toProperties());
        p.putAll(events.toProperties());
        p.putAll(scheduler.toProperties());
        return p;
    }

    public CoreConfig withStorage(StorageConfig storage) {
        return new CoreConfig(storage, admin, events, scheduler);
    }

    public CoreConfig withAdmin(AdminConfig admin) {
        return new CoreConfig(storage, admin, events, scheduler);
    }

    public CoreConfig withScheduler(SchedulerConfig scheduler) {
        return new CoreConfig(storage, admin, events, scheduler);
    }
}
