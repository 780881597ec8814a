package io.cairn.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.IngestReport;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.ProjectId;
import io.cairn.server.dialect.keen.KeenBatchReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Ingestion throughput: the same pre-generated Keen request bodies posted over HTTP by concurrent clients, and
 * parsed and ingested in-process (no HTTP) as the engine baseline. Bodies are generated before timing starts, so
 * the client's cost is sending, not building JSON.
 */
public final class IngestBenchmark {

    /** What to run. */
    public record Plan(long events, int batchSize, int concurrency, String collection, int distinctBodies,
            long baselineEvents, Duration warmUp) {}

    /**
     * One measured phase; {@code cpu} is the CPU time this process (the client, or the in-process engine) used,
     * {@code serverCpu} the server's when it runs apart and is known (else zero).
     */
    public record Phase(long events, Duration elapsed, Latencies latencies, Duration cpu, Duration serverCpu) {
        public double eventsPerSecond() {
            return events / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        public double cpuMicrosPerEvent() {
            return cpu.toNanos() / 1e3 / Math.max(1, events);
        }
    }

    private final Plan plan;
    private final List<byte[]> bodies;
    private final PrintWriter progress;

    public IngestBenchmark(Plan plan, List<byte[]> bodies, PrintWriter progress) {
        this.plan = plan;
        this.bodies = bodies;
        this.progress = progress;
    }

    /** The bodies' events parsed and ingested in-process, on a core over {@code dataDir}. */
    public Phase baseline(Path dataDir) throws Exception {
        CoreConfig defaults = CoreConfig.defaults();
        try (CairnCore core = CairnCore.open(defaults.withStorage(defaults.storage().withDataDir(dataDir)))) {
            ProjectId project = core.projects().createProject("bench-baseline").project().id();
            return run("baseline", plan.baselineEvents(), () -> Duration.ZERO, body -> {
                IngestBatch batch = plan.batchSize() == 1
                        ? IngestBatch.of(plan.collection(), parseOne(body))
                        : KeenBatchReader.read(new ByteArrayInputStream(body), Optional.empty());
                IngestReport report = core.events().ingest(project, batch);
                if (report.stored() != plan.batchSize()) {
                    throw new IllegalStateException("the baseline refused events: " + report);
                }
            });
        }
    }

    /**
     * The bodies posted to a Keen endpoint of {@code baseUri} with {@code writeKey}, one connection per client;
     * {@code serverCpu} reads the server's CPU time so far, when it is known (else zero).
     */
    public Phase overHttp(URI baseUri, String projectId, String writeKey, Supplier<Duration> serverCpu)
            throws Exception {
        String path = "/3.0/projects/" + projectId + "/events" + (plan.batchSize() == 1 ? "/" + plan.collection() : "");
        int expected = plan.batchSize() == 1 ? 201 : 200;
        List<BenchConnection> connections = new CopyOnWriteArrayList<>();
        ThreadLocal<BenchConnection> connection = ThreadLocal.withInitial(() -> {
            BenchConnection opened = new BenchConnection(baseUri, writeKey);
            connections.add(opened);
            return opened;
        });
        try {
            return run("http", plan.events(), serverCpu, body -> {
                BenchConnection.Response response = connection.get().post(path, body);
                String answer = response.text();
                if (response.status() != expected || answer.contains("\"success\":false")) {
                    throw new IllegalStateException("the server answered " + response.status() + ": "
                            + answer.substring(0, Math.min(300, answer.length())));
                }
            });
        } finally {
            for (BenchConnection opened : connections) {
                opened.close();
            }
        }
    }

    @FunctionalInterface
    private interface Send {
        void send(byte[] body) throws Exception;
    }

    /**
     * Sends for the plan's warm-up time first, untimed (a long-running server answers with its hot paths compiled,
     * and a cold JIT made the first tens of thousands of single events several times slower), then times
     * {@code events}.
     */
    private Phase run(String name, long events, Supplier<Duration> serverCpu, Send send) throws Exception {
        warmUp(name, send);
        long requests = Math.max(1, events / plan.batchSize());
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Latencies latencies = new Latencies();
        long cpuStart = processCpuNanos();
        Duration serverCpuStart = serverCpu.get();
        long start = System.nanoTime();
        Thread reporter = Thread.ofPlatform().daemon().start(() -> report(name, requests, done, start));
        try {
            Clients.runAll(plan.concurrency(), () -> {
                for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    send.send(bodies.get((int) (i % bodies.size())));
                    latencies.record(System.nanoTime() - sent);
                    done.incrementAndGet();
                }
                return null;
            });
        } finally {
            reporter.interrupt();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Phase(requests * plan.batchSize(), elapsed, latencies,
                Duration.ofNanos(processCpuNanos() - cpuStart), serverCpu.get().minus(serverCpuStart));
    }

    private void warmUp(String name, Send send) throws Exception {
        if (plan.warmUp().isZero()) {
            return;
        }
        progress.printf("  %-8s warming up for %s s...%n", name, plan.warmUp().toMillis() / 1000.0);
        progress.flush();
        long deadline = System.nanoTime() + plan.warmUp().toNanos();
        AtomicLong next = new AtomicLong();
        Clients.runAll(plan.concurrency(), () -> {
            while (System.nanoTime() < deadline) {
                send.send(bodies.get((int) (next.getAndIncrement() % bodies.size())));
            }
            return null;
        });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void report(String name, long requests, AtomicLong done, long start) {
        try {
            while (true) {
                Thread.sleep(2000);
                long events = done.get() * plan.batchSize();
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.printf("  %-8s %,12d / %,d events  %,10.0f events/s%n", name, events,
                        requests * plan.batchSize(), events / seconds);
                progress.flush();
            }
        } catch (InterruptedException e) {
            // the phase is over
        }
    }

    private static ParsedEvent parseOne(byte[] body) {
        try {
            return new EventParser(new JsonFactory()).readOne(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
