package io.cairn.server.ops;

import io.cairn.core.CairnCore;
import io.cairn.core.storage.StorageStats;
import io.cairn.server.http.AccessLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus registry and {@code GET /metrics}: requests by route template and status with latency, the JVM,
 * open databases and database file sizes. Owned by the server and closed with it.
 */
public final class Metrics implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CairnCore core;
    private final MultiGauge databaseSizes;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public Metrics(CairnCore core) {
        this.core = core;
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("cairn.storage.open.databases", core, c -> c.storageStats().openDatabases())
                .description("Databases open now, the catalog included")
                .register(registry);
        databaseSizes = MultiGauge.builder("cairn.storage.database.size")
                .description("Bytes on disk per database (data file and write-ahead log)")
                .baseUnit("bytes")
                .register(registry);
    }

    public void mount(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            refreshDatabaseSizes();
            ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
        });
    }

    /** Records one finished request; called from the request logger. */
    public void record(Context ctx, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tags("method", ctx.method().name(), "route", AccessLog.route(ctx), "status",
                        Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    private void refreshDatabaseSizes() {
        StorageStats stats = core.storageStats();
        List<MultiGauge.Row<?>> rows = stats.fileBytes().entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("database", e.getKey()), e.getValue()))
                .toList();
        databaseSizes.register(rows, true);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
