package io.cairn.server;

import static java.util.Objects.requireNonNull;

import io.cairn.core.CairnCore;
import io.cairn.server.admin.AdminApi;
import io.cairn.server.dialect.Dialect;
import io.cairn.server.dialect.DialectContext;
import io.cairn.server.dialect.keen.KeenDialect;
import io.cairn.server.dialect.tempodb.TempoDbDialect;
import io.cairn.server.http.Authenticator;
import io.cairn.server.http.AccessLog;
import io.cairn.server.http.ErrorHandling;
import io.cairn.server.http.ErrorRenderers;
import io.cairn.server.http.RequestBodies;
import io.cairn.server.http.RequestIds;
import io.cairn.server.ops.Health;
import io.cairn.server.ops.Metrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Cairn HTTP server: every dialect, the admin API, {@code /health} and {@code /metrics} on one listener.
 * {@link #start} returns once the port is bound; {@link #close} stops taking requests, lets in-flight ones finish
 * (up to {@code http.shutdown-timeout}) and returns. The server does not own the {@link CairnCore}: the caller
 * closes it after the server.
 */
public final class CairnServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CairnServer.class);

    private final Javalin app;
    private final Metrics metrics;
    private final URI baseUri;
    private volatile boolean stopping;

    /** The dialects every server speaks. */
    private static final List<Function<DialectContext, Dialect>> STANDARD_DIALECTS = List.of(
            context -> new AdminApi(context.core().projects(), context.core().adminToken(), context.bodies()),
            KeenDialect::new,
            TempoDbDialect::new);

    private CairnServer(ServerConfig config, CairnCore core, List<Function<DialectContext, Dialect>> extra) {
        this.metrics = new Metrics(core);
        DialectContext context = new DialectContext(core, new Authenticator(core.projects()),
                new RequestBodies(config.http().maxBodySize()));
        List<Dialect> dialects = Stream.concat(STANDARD_DIALECTS.stream(), extra.stream())
                .map(factory -> factory.apply(context))
                .toList();
        Health health = new Health(core, () -> stopping);
        this.app = Javalin.create(javalin -> configure(javalin, config, dialects, health));
        try {
            app.start();
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        core.startBackgroundWork();
        String host = config.http().bind().equals("0.0.0.0") ? "127.0.0.1" : config.http().bind();
        this.baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port());
    }

    /** Starts the server on {@code config}'s address; port 0 picks a free port (see {@link #baseUri()}). */
    public static CairnServer start(ServerConfig config, CairnCore core) {
        return start(config, core, List.of());
    }

    /** Starts the server with dialects beyond the standard ones (an extension point; tests use it for probes). */
    public static CairnServer start(ServerConfig config, CairnCore core,
            List<Function<DialectContext, Dialect>> additionalDialects) {
        requireNonNull(config, "config is null");
        requireNonNull(core, "core is null");
        CairnServer server = new CairnServer(config, core, List.copyOf(additionalDialects));
        log.info("server listening url={}", server.baseUri());
        return server;
    }

    /** The URL clients use, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        log.info("server stopping");
        app.stop();
        metrics.close();
        log.info("server stopped");
    }

    private void configure(JavalinConfig javalin, ServerConfig config, List<Dialect> dialects, Health health) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.startup.startupWatcherEnabled = false;
        javalin.concurrency.useVirtualThreads = true;
        javalin.router.treatMultipleSlashesAsSingleSlash = true;
        javalin.router.ignoreTrailingSlashes = true;
        javalin.http.prefer405over404 = true;
        javalin.http.maxRequestSize = config.http().maxBodySize().bytes();
        javalin.jetty.host = config.http().bind();
        javalin.jetty.port = config.http().port();
        javalin.jetty.modifyServer(server -> server.setStopTimeout(config.http().shutdownTimeout().toMillis()));
        // TempoDB's clients send series keys holding '/' or '\' as %2F or %5C inside one path segment; Jetty refuses
        // such paths unless told the application reads the raw path itself (the TempoDB dialect splits it first).
        javalin.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(http.getUriCompliance().with("cairn",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS)));
        javalin.jetty.modifyServletContextHandler(context -> context.getServletHandler()
                .setDecodeAmbiguousURIs(true));

        javalin.routes.before(RequestIds::assign);
        ErrorRenderers errorRenderers = new ErrorRenderers();
        for (Dialect dialect : dialects) {
            for (String prefix : dialect.pathPrefixes()) {
                errorRenderers.add(prefix, dialect.errors());
            }
            dialect.mount(javalin.routes);
        }
        health.mount(javalin.routes);
        metrics.mount(javalin.routes);
        ErrorHandling.install(javalin.routes, errorRenderers);
        javalin.requestLogger.http((ctx, millis) -> {
            metrics.record(ctx, millis);
            AccessLog.write(ctx, millis);
        });
    }
}
