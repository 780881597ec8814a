package io.cairn.core;

import static java.util.Objects.requireNonNull;

import io.cairn.core.analysis.AnalysisService;
import io.cairn.core.dataset.DatasetService;
import io.cairn.core.event.EventService;
import io.cairn.core.project.AdminToken;
import io.cairn.core.project.Keyring;
import io.cairn.core.project.ProjectService;
import io.cairn.core.query.ResultCache;
import io.cairn.core.query.SavedQueryService;
import io.cairn.core.schedule.Scheduler;
import io.cairn.core.series.SeriesService;
import io.cairn.core.storage.StorageEngine;
import io.cairn.core.storage.StorageStats;
import io.cairn.core.storage.duckdb.DuckDbStorageEngine;
import java.time.Clock;

/**
 * The composition root of the core: opens the storage from a {@link CoreConfig} and builds the services on it.
 * Owns everything it builds and closes it in reverse order.
 *
 * <p>Named {@code CairnCore} rather than {@code Cairn} so that it never shares a simple name with the SDK's entry
 * point, {@code io.cairn.client.Cairn}, in code that uses both (the CLI, the end-to-end tests).
 */
public final class CairnCore implements AutoCloseable {

    private final CoreConfig config;
    private final StorageEngine storage;
    private final AdminToken adminToken;
    private final ProjectService projects;
    private final EventService events;
    private final AnalysisService analyses;
    private final ResultCache results;
    private final SavedQueryService savedQueries;
    private final DatasetService datasets;
    private final SeriesService series;
    private final Scheduler scheduler;
    private final Clock clock;

    private CairnCore(CoreConfig config, StorageEngine storage, AdminToken adminToken, ProjectService projects,
            EventService events, AnalysisService analyses, ResultCache results, DatasetService datasets,
            SeriesService series, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.storage = storage;
        this.adminToken = adminToken;
        this.projects = projects;
        this.events = events;
        this.analyses = analyses;
        this.results = results;
        this.datasets = datasets;
        this.series = series;
        this.savedQueries = new SavedQueryService(storage.catalog(), results, clock);
        this.scheduler = new Scheduler(config.scheduler().tick());
        scheduler.add("cached-queries", savedQueries::refreshDue);
        scheduler.add("cached-datasets", datasets::refreshDue);
    }

    /** Opens the data directory on the embedded engine. */
    public static CairnCore open(CoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    public static CairnCore open(CoreConfig config, Clock clock) {
        requireNonNull(config, "config is null");
        StorageEngine storage = DuckDbStorageEngine.open(config.storage());
        try {
            Keyring keyring = Keyring.loadOrCreate(config.storage().dataDir());
            AdminToken adminToken = AdminToken.resolve(config.admin().token(), config.storage().dataDir());
            EventService events = new EventService(storage, clock, config.events().idempotencyWindow());
            ResultCache results = new ResultCache(storage);
            AnalysisService analyses = new AnalysisService(storage, events);
            DatasetService datasets = new DatasetService(storage, events, analyses, clock);
            SeriesService series = new SeriesService(storage, clock);
            ProjectService projects = new ProjectService(storage, keyring, clock, project -> {
                events.forgetProject(project);
                results.forgetProject(project);
                datasets.forgetProject(project);
                series.forgetProject(project);
            });
            return new CairnCore(config, storage, adminToken, projects, events, analyses, results, datasets, series,
                    clock);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    public CoreConfig config() {
        return config;
    }

    public ProjectService projects() {
        return projects;
    }

    /** The clock relative timeframes are resolved against. */
    public Clock clock() {
        return clock;
    }

    public AnalysisService analyses() {
        return analyses;
    }

    public EventService events() {
        return events;
    }

    /** Time series: metadata, points, rollup reads. */
    public SeriesService series() {
        return series;
    }

    /** Saved queries of every API; the dialects register their query languages here. */
    public SavedQueryService savedQueries() {
        return savedQueries;
    }

    /** Cached datasets; the dialects register their definition languages here. */
    public DatasetService datasets() {
        return datasets;
    }

    /** The one store of query results. */
    public ResultCache results() {
        return results;
    }

    /**
     * Starts the periodic work (cached-query refreshes...). The server calls this once it serves; tools that only
     * open the data directory do not. Idempotent.
     */
    public void startBackgroundWork() {
        scheduler.start();
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    /** Whether this start created the catalog, i.e. the data directory was new. */
    public boolean firstStart() {
        return storage.catalog().createdNow();
    }

    /** Whether storage answers now; {@code /health} reports this. */
    public boolean isReady() {
        return storage.isReady();
    }

    /**
     * The storage engine, for tools that measure or maintain it (benchmarks, operator commands). Services and
     * dialects never use it: they go through the core's services.
     */
    public StorageEngine storage() {
        return storage;
    }

    public StorageStats storageStats() {
        return storage.stats();
    }

    @Override
    public void close() {
        scheduler.close();
        storage.close();
    }
}
