package io.cairn.cli.command;

import io.cairn.cli.Cli;
import io.cairn.cli.Logging;
import io.cairn.cli.bench.BenchEvents;
import io.cairn.cli.bench.BenchServer;
import io.cairn.cli.bench.IngestBenchmark;
import io.cairn.cli.bench.QueryBenchmark;
import io.cairn.cli.bench.SeriesBenchmark;
import io.cairn.client.Cairn;
import io.cairn.client.model.CreatedProject;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.Hex;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.IssuedKey;
import io.cairn.core.project.Project;
import io.cairn.core.project.Role;
import io.cairn.core.storage.ProjectStore;
import io.cairn.server.CairnServer;
import io.cairn.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn bench ingest|query|series}: measured throughput and latency, next to the engine's own baseline. */
@Command(name = "bench", description = "Benchmarks, each next to the in-process engine baseline of the same run.",
        mixinStandardHelpOptions = true)
public final class BenchCommand implements Runnable {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    public BenchCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(cli.out());
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = {
        "Posts realistic nested events over HTTP with concurrent clients and reports events/s and request latency,",
        "next to the same events parsed and ingested in-process. Starts a server in a temporary directory unless",
        "--url is given (then --project and --key are needed)."})
    Integer ingest(
            @Option(names = "--events", defaultValue = "5000000", description = "Events to send (default ${DEFAULT-VALUE}).")
            long events,
            @Option(names = "--batch", defaultValue = "5000",
                    description = "Events per request; 1 posts single events (default ${DEFAULT-VALUE}).") int batch,
            @Option(names = "--concurrency", defaultValue = "4",
                    description = "Concurrent clients (default ${DEFAULT-VALUE}).") int concurrency,
            @Option(names = "--baseline-events", defaultValue = "1000000",
                    description = "Events for the in-process baseline; 0 skips it (default ${DEFAULT-VALUE}).")
            long baselineEvents,
            @Option(names = "--collection", defaultValue = "purchases") String collection,
            @Option(names = "--url", description = "A running server (default: start one).") URI url,
            @Option(names = "--project", description = "Project id on --url.") String project,
            @Option(names = "--key", description = "Write key of --project.") String key,
            @Mixin WarmUp warmUp) throws Exception {
        Duration warmUpTime = warmUp.duration();
        if (batch < 1 || concurrency < 1 || events < batch) {
            throw new IllegalArgumentException("--batch and --concurrency must be at least 1 and --events at least"
                    + " --batch");
        }
        if (url != null && (project == null || key == null)) {
            throw new IllegalArgumentException("with --url, give --project and --key (a write key)");
        }
        PrintWriter out = cli.out();
        int distinct = (int) Math.max(1, Math.min(64, Math.max(events, baselineEvents) / batch));
        if (batch == 1) {
            distinct = 20_000;
        }
        out.printf("bench ingest: %,d events, %,d per request, %d clients%n", events, batch, concurrency);
        out.printf("  generating %,d distinct request bodies...%n", distinct);
        out.flush();
        BenchEvents generator = new BenchEvents(42, Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofDays(60).toMillis(), (long) distinct * batch);
        List<byte[]> bodies = generator.bodies(collection, distinct, batch);
        IngestBenchmark.Plan plan = new IngestBenchmark.Plan(events, batch, concurrency, collection, distinct,
                baselineEvents, warmUpTime);
        IngestBenchmark benchmark = new IngestBenchmark(plan, bodies, out);
        Path work = Files.createTempDirectory("cairn-bench-");
        try {
            IngestBenchmark.Phase baseline = baselineEvents > 0 ? benchmark.baseline(work.resolve("baseline")) : null;
            if (baseline != null) {
                print(out, "in-process baseline", baseline, null);
            }
            IngestBenchmark.Phase http;
            long peakRss = -1;
            if (url != null) {
                http = benchmark.overHttp(url, project, key, () -> Duration.ZERO);
            } else {
                String token = Hex.random(32);
                try (BenchServer server = BenchServer.start(work.resolve("server"), token);
                        Cairn cairn = Cairn.builder().baseUrl(server.baseUri().toString()).adminToken(token).build()) {
                    CreatedProject created = cairn.admin().createProject("bench");
                    out.printf("  server started at %s (data in %s)%n", server.baseUri(), work.resolve("server"));
                    http = benchmark.overHttp(server.baseUri(), created.project().id(), created.writeKey().secret(),
                            server::cpuTime);
                    peakRss = server.peakRssBytes();
                }
            }
            print(out, "HTTP", http, baseline);
            out.printf("  request latency:      p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d requests)%n",
                    http.latencies().percentileMillis(50), http.latencies().percentileMillis(90),
                    http.latencies().percentileMillis(99), http.latencies().percentileMillis(100),
                    http.latencies().count());
            out.printf("  CPU per event:        %.1f µs client%s%s%n", http.cpuMicrosPerEvent(),
                    http.serverCpu().isZero() ? ""
                            : String.format(", %.1f µs server", http.serverCpu().toNanos() / 1e3 / http.events()),
                    baseline == null ? "" : String.format(" (in-process baseline: %.1f µs)", baseline.cpuMicrosPerEvent()));
            if (peakRss > 0) {
                out.printf("  server peak RSS:      %,d MB%n", peakRss >> 20);
            }
            out.flush();
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, description = {
        "Times Keen analyses through the HTTP API (a server started in this process) next to the same questions",
        "asked directly of the engine in SQL. Loads the benchmark collection into --data-dir once and reuses it."})
    Integer query(
            @Option(names = "--events", defaultValue = "5000000", description = "Events in the collection (default"
                    + " ${DEFAULT-VALUE}).") long events,
            @Option(names = "--data-dir", defaultValue = "cairn-bench-data", description = "Where the benchmark"
                    + " data is kept between runs (default ${DEFAULT-VALUE}).") Path dataDir,
            @Mixin WarmUp warmUp) throws Exception {
        Duration warmUpTime = warmUp.duration();
        PrintWriter out = cli.out();
        CoreConfig defaults = CoreConfig.defaults();
        ServerConfig config = ServerConfig.defaults().withHttp(ServerConfig.defaults().http().withPort(0))
                .withCore(defaults.withStorage(defaults.storage().withDataDir(dataDir)));
        Logging.quiet();
        out.printf("bench query: %,d events in %s%n", events, dataDir);
        try (CairnCore core = CairnCore.open(config.core())) {
            ProjectId project = core.projects().findProjectByName("bench").map(Project::id)
                    .orElseGet(() -> core.projects().createProject("bench").project().id());
            QueryBenchmark benchmark = new QueryBenchmark(core, project, warmUpTime, out);
            benchmark.load(events);
            IssuedKey key = core.projects().createKey(project, Role.READ, "bench query");
            List<QueryBenchmark.Timing> timings;
            try (CairnServer server = CairnServer.start(config, core)) {
                timings = benchmark.run(server.baseUri(), key.secret());
            } finally {
                core.projects().revokeKey(project, key.key().id());
            }
            out.printf("%n  %-32s %10s %10s %7s %s%n", "question", "HTTP ms", "engine ms", "ratio", "target");
            double total = 0;
            for (QueryBenchmark.Timing timing : timings) {
                out.printf("  %-32s %10.1f %10.1f %7.2f %s (%s)%n", timing.question(), timing.httpMillis(),
                        timing.engineMillis(), timing.httpMillis() / timing.engineMillis(),
                        timing.onTarget() ? "ok" : "MISSED", timing.target());
                total += timing.extra() ? 0 : timing.httpMillis();
            }
            out.printf("  %-32s %10.1f %10s %7s %s (< %.0f ms)%n", "total of the first six", total, "", "",
                    total < QueryBenchmark.TOTAL_LIMIT_MILLIS ? "ok" : "MISSED", QueryBenchmark.TOTAL_LIMIT_MILLIS);
            out.flush();
            return 0;
        }
    }

    @Command(name = "series", mixinStandardHelpOptions = true, description = {
        "Writes one point per minute per series through TempoDB's multi-write API, then times rollup reads over",
        "HTTP next to the same reads asked directly of the engine in SQL. Runs a server in this process on a",
        "temporary data directory, or on --data-dir, kept between runs: a run that finds the points there times",
        "the reads only (give the same --series and --days)."})
    Integer series(
            @Option(names = "--series", defaultValue = "200", description = "Series (default ${DEFAULT-VALUE}).")
            int seriesCount,
            @Option(names = "--days", defaultValue = "60", description = "Days of points (default ${DEFAULT-VALUE}).")
            int days,
            @Option(names = "--batch", defaultValue = "10000",
                    description = "Points per multi write (default ${DEFAULT-VALUE}).") int batch,
            @Option(names = "--concurrency", defaultValue = "4",
                    description = "Concurrent writers (default ${DEFAULT-VALUE}).") int concurrency,
            @Option(names = "--data-dir", description = "Where to keep the points between runs (default: a temporary"
                    + " directory, deleted at the end).") Path dataDir,
            @Mixin WarmUp warmUp) throws Exception {
        Duration warmUpTime = warmUp.duration();
        if (seriesCount < 1 || days < 31 || batch < seriesCount || concurrency < 1) {
            throw new IllegalArgumentException("need --series >= 1, --days >= 31 (the reads span 30 days),"
                    + " --batch >= --series and --concurrency >= 1");
        }
        PrintWriter out = cli.out();
        Logging.quiet();
        SeriesBenchmark.Plan plan = new SeriesBenchmark.Plan(seriesCount, days, batch, concurrency);
        out.printf("bench series: %d series x 1 point/minute x %d days = %,d points, %,d per multi write, %d writers%n",
                seriesCount, days, plan.points(), batch, concurrency);
        Path work = dataDir != null ? dataDir : Files.createTempDirectory("cairn-bench-series-");
        CoreConfig defaults = CoreConfig.defaults();
        ServerConfig config = ServerConfig.defaults().withHttp(ServerConfig.defaults().http().withPort(0))
                .withCore(defaults.withStorage(defaults.storage().withDataDir(work)));
        try (CairnCore core = CairnCore.open(config.core()); CairnServer server = CairnServer.start(config, core)) {
            SeriesBenchmark benchmark = new SeriesBenchmark(plan, warmUpTime, out);
            ProjectId project;
            IssuedKey readKey;
            Optional<Project> loaded = core.projects().findProjectByName("bench-series");
            if (loaded.isPresent()) {
                project = loaded.get().id();
                readKey = core.projects().createKey(project, Role.READ, "bench series");
                out.printf("  reusing the points in %s (no ingest)%n", work);
            } else {
                if (!warmUpTime.isZero()) {
                    out.printf("  warming up the write path for %s s (into a project deleted afterwards)...%n",
                            warmUpTime.toMillis() / 1000.0);
                    out.flush();
                    var scratch = core.projects().createProject("bench-series-warm-up");
                    benchmark.warmUpIngest(server.baseUri(), basic(scratch.keys().get(1)));
                    core.projects().deleteProject(scratch.project().id());
                }
                var created = core.projects().createProject("bench-series");
                project = created.project().id();
                readKey = created.keys().get(2);
                ingest(out, benchmark.ingest(server.baseUri(), basic(created.keys().get(1))));
            }
            ProjectStore store = core.storage().project(project);
            // Let the writer finish what the ingest queued (the last compaction) before timing reads.
            store.write(session -> null);
            long firstSeries = store.read(session -> session.query("SELECT number FROM cairn_series WHERE key = ?",
                    List.of(SeriesBenchmark.key(0)), row -> row.longValue(1))).getFirst();
            List<SeriesBenchmark.Timing> timings;
            try {
                timings = benchmark.reads(server.baseUri(), basic(readKey), core, project, firstSeries);
            } finally {
                if (loaded.isPresent()) {
                    core.projects().revokeKey(project, readKey.key().id());
                }
            }
            out.printf("%n  %-34s %9s %11s %10s %7s%n", "read", "HTTP ms", "service ms", "engine ms", "ratio");
            for (SeriesBenchmark.Timing timing : timings) {
                out.printf("  %-34s %9.1f %11.1f %10.1f %7.2f%n", timing.question(), timing.httpMillis(),
                        timing.serviceMillis(), timing.engineMillis(), timing.httpMillis() / timing.engineMillis());
            }
            out.println("  HTTP: the answer read whole by the bench client (one kept-alive connection). service: the"
                    + " core's read, points taken but not written.");
            out.println("  engine: the same question (bucket values and the summary's per-bucket statistics) in SQL"
                    + " on the same tables, every row read.");
            out.flush();
            return 0;
        } finally {
            if (dataDir == null) {
                deleteTree(work);
            }
        }
    }

    private static void ingest(PrintWriter out, SeriesBenchmark.Ingest ingest) {
        out.printf("  ingest over HTTP:     %,d points in %.1f s = %,.0f points/s%n", ingest.points(),
                ingest.elapsed().toMillis() / 1000.0, ingest.pointsPerSecond());
        out.printf("  request latency:      p50 %.1f ms, p90 %.1f ms, p99 %.1f ms (%,d requests)%n",
                ingest.latencies().percentileMillis(50), ingest.latencies().percentileMillis(90),
                ingest.latencies().percentileMillis(99), ingest.latencies().count());
    }

    private static String basic(IssuedKey key) {
        return "Basic " + Base64.getEncoder().encodeToString((key.key().id().value() + ":" + key.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void print(PrintWriter out, String label, IngestBenchmark.Phase phase,
            IngestBenchmark.Phase baseline) {
        String ratio = baseline == null ? "" : String.format(" (%.0f%% of baseline)",
                100 * phase.eventsPerSecond() / baseline.eventsPerSecond());
        out.printf("  %-21s %,d events in %.1f s = %,.0f events/s%s%n", label + ":", phase.events(),
                phase.elapsed().toMillis() / 1000.0, phase.eventsPerSecond(), ratio);
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The benchmarks' warm-up before anything is timed. */
    static final class WarmUp {
        @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "8",
                description = "Seconds of untimed work before timing (each question of a read bench; sending, for"
                        + " ingest), so that the server answers warm (default ${DEFAULT-VALUE}).")
        double seconds;

        Duration duration() {
            if (seconds < 0) {
                throw new IllegalArgumentException("--warm-up cannot be negative");
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
    }
}
