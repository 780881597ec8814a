package io.cairn.cli.bench;

import io.cairn.core.CairnCore;
import io.cairn.core.event.IsoDateTimes;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.DataSetSink;
import io.cairn.core.series.Rollup;
import io.cairn.core.series.RollupFunction;
import io.cairn.core.series.Series;
import io.cairn.core.series.SeriesFilter;
import io.cairn.core.series.SeriesRead;
import io.cairn.core.series.SeriesRef;
import io.cairn.core.series.SeriesService;
import io.cairn.core.series.Summary;
import io.cairn.core.storage.ProjectStore;
import io.cairn.server.http.JsonDoubles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Time series through TempoDB's HTTP API: multi writes of one point per minute per series, then rollup reads, each
 * also asked directly of the engine in SQL over the same tables in the same run. Medians of several runs after a
 * warm-up, the three ways of asking taking turns.
 */
public final class SeriesBenchmark {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int RUNS = 21;
    private static final Duration TIMED = Duration.ofSeconds(4);
    /** The tables the series store keeps its points in, read by the engine baseline. */
    private static final String POINTS = "(SELECT series, t, v FROM cairn_series_points UNION ALL"
            + " SELECT series, t, v FROM cairn_series_fresh)";
    /**
     * What each bucket also needs for the DataSet's summary (count, sum, extremes, squared deviations): the same
     * question as the API answers, so the ratio is the server's overhead.
     */
    private static final String SUMMARY = ", count(*), sum(v), min(v), max(v), var_pop(v) * count(*)";

    /** What to load and how. */
    public record Plan(int series, int days, int batch, int concurrency) {
        public long points() {
            return (long) series * days * 1440;
        }
    }

    /** The ingest's outcome. */
    public record Ingest(long points, Duration elapsed, Latencies latencies) {
        public double pointsPerSecond() {
            return points / (elapsed.toNanos() / 1e9);
        }
    }

    /** One question's two timings. */
    public record Timing(String question, double httpMillis, double serviceMillis, double engineMillis) {}

    private final Plan plan;
    /** Per series, what follows an item's time: {@code ","key":"bench-N","v":}. */
    private final byte[][] keyParts;
    private final Turns turns;
    private final PrintWriter out;

    /** A benchmark of {@code plan} that waits {@code warmUp} before timing each read. */
    public SeriesBenchmark(Plan plan, Duration warmUp, PrintWriter out) {
        this.plan = plan;
        this.keyParts = new byte[plan.series()][];
        for (int s = 0; s < plan.series(); s++) {
            keyParts[s] = ("\",\"key\":\"" + key(s) + "\",\"v\":").getBytes(StandardCharsets.US_ASCII);
        }
        this.turns = new Turns(warmUp, RUNS, TIMED);
        this.out = out;
    }

    /**
     * Writes every point with {@code POST /v1/multi/}, {@code batch} points per request, minute after minute, each
     * writer on its own kept-alive connection.
     */
    public Ingest ingest(URI base, String basicAuth) throws Exception {
        long requests = requests();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        post(base, basicAuth, r -> r < requests, latencies);
        return new Ingest(plan.points(), Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    /**
     * The same multi writes for the warm-up time, untimed, to the project of {@code basicAuth}: meant for another
     * project than the timed ingest's, so that its points stay as planned while the server's write path gets
     * compiled (a cold JIT took about a third of the CPU of a 15-second ingest).
     */
    public void warmUpIngest(URI base, String basicAuth) throws Exception {
        long deadline = System.nanoTime() + turns.warmUp().toNanos();
        post(base, basicAuth, r -> System.nanoTime() < deadline, null);
    }

    private long requests() {
        return Math.ceilDiv((long) plan.days() * 1440, minutesPerRequest());
    }

    private int minutesPerRequest() {
        return Math.max(1, plan.batch() / plan.series());
    }

    /** Posts request after request while {@code more} holds for the request's number; progress when timed. */
    private void post(URI base, String basicAuth, LongPredicate more, Latencies latencies) throws Exception {
        int minutesPerRequest = minutesPerRequest();
        long requests = requests();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Clients.runAll(plan.concurrency(), () -> {
            try (BenchConnection connection = new BenchConnection(base, basicAuth)) {
                for (long r = next.getAndIncrement(); more.test(r); r = next.getAndIncrement()) {
                    byte[] body = multiBody(r % requests * minutesPerRequest, minutesPerRequest);
                    long sent = System.nanoTime();
                    connection.post("/v1/multi/", body).ok();
                    if (latencies == null) {
                        continue;
                    }
                    latencies.record(System.nanoTime() - sent);
                    if (done.incrementAndGet() % 200 == 0) {
                        out.printf("  %,d / %,d points written%n",
                                done.get() * minutesPerRequest * plan.series(), plan.points());
                        out.flush();
                    }
                }
            }
            return null;
        });
    }

    /**
     * One multi-write body, written as bytes: the bench's client shares the two cores with the server, so it builds
     * no String per point (times are formatted once per minute, keys once, values as the server writes doubles).
     */
    byte[] multiBody(long firstMinute, int minutes) {
        long last = Math.min((long) plan.days() * 1440, firstMinute + minutes);
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) (last - firstMinute) * plan.series() * 56 + 2);
        body.write('[');
        byte[] time = new byte[IsoDateTimes.MILLIS_LENGTH];
        byte[] value = new byte[JsonDoubles.MAX_LENGTH];
        for (long minute = firstMinute; minute < last; minute++) {
            IsoDateTimes.writeMillis(EpochMicros.of(START) + minute * 60_000_000L, time, 0);
            for (int s = 0; s < plan.series(); s++) {
                if (minute > firstMinute || s > 0) {
                    body.write(',');
                }
                body.writeBytes(ITEM_START);
                body.write(time, 0, time.length);
                body.writeBytes(keyParts[s]);
                body.write(value, 0, JsonDoubles.write(tenths(minute, s) / 10.0, value, 0));
                body.write('}');
            }
        }
        body.write(']');
        return body.toByteArray();
    }

    private static final byte[] ITEM_START = "{\"t\":\"".getBytes(StandardCharsets.US_ASCII);

    public static String key(int series) {
        return "bench-" + series;
    }

    /** The point's value in tenths: a smooth wave per series. */
    private static long tenths(long minute, int series) {
        return Math.round(1000 * Math.sin(minute / 60.0 + series) + series);
    }

    /** The three reads of the issue over HTTP (read key) and in SQL, on the same data. */
    public List<Timing> reads(URI base, String basicAuth, CairnCore core, ProjectId project, long seriesNumber)
            throws Exception {
        try (BenchConnection http = new BenchConnection(base, basicAuth)) {
            return reads(http, core, project, seriesNumber);
        }
    }

    private List<Timing> reads(BenchConnection http, CairnCore core, ProjectId project, long seriesNumber)
            throws Exception {
        ProjectStore store = core.storage().project(project);
        SeriesService service = core.series();
        Instant from = START.plus(Duration.ofDays(Math.max(0, plan.days() - 30) / 2));
        String month = "start=" + TIME.format(from) + "&end=" + TIME.format(from.plus(Duration.ofDays(30)));
        String week = "start=" + TIME.format(from) + "&end=" + TIME.format(from.plus(Duration.ofDays(7)));
        String monthSql = " t >= TIMESTAMP '" + sqlTime(from) + "' AND t < TIMESTAMP '"
                + sqlTime(from.plus(Duration.ofDays(30))) + "'";
        String weekSql = " t >= TIMESTAMP '" + sqlTime(from) + "' AND t < TIMESTAMP '"
                + sqlTime(from.plus(Duration.ofDays(7))) + "'";
        String oneSeries = "/v1/series/key/" + key(0) + "/data/?";
        warmUpRequests(http);
        List<Timing> timings = new ArrayList<>();
        SeriesRef first = SeriesRef.key(key(0));
        TimeRange monthRange = TimeRange.of(from, from.plus(Duration.ofDays(30)));
        TimeRange weekRange = TimeRange.of(from, from.plus(Duration.ofDays(7)));
        timings.add(time("1 series, 30 days, 1-hour max",
                () -> http.get(oneSeries + month + "&interval=1hour&function=max").ok(),
                () -> service.read(project, first, new SeriesRead(monthRange, Rollup.of(Interval.of(1,
                        CalendarUnit.HOUR), RollupFunction.MAX), ZoneOffset.UTC), new CountingSink()),
                () -> sql(store, "SELECT series, epoch_us(date_trunc('hour', t)) b, max(v)" + SUMMARY + " FROM "
                        + POINTS + " WHERE series = " + seriesNumber + " AND" + monthSql
                        + " GROUP BY 1, 2 ORDER BY 1, 2")));
        timings.add(time(plan.series() + " series, 7 days, 1-day mean",
                () -> http.get("/v1/data/?" + week + "&interval=1day&function=mean").ok(),
                () -> service.read(project, SeriesFilter.ALL, new SeriesRead(weekRange, Rollup.of(Interval.of(1,
                        CalendarUnit.DAY), RollupFunction.MEAN), ZoneOffset.UTC), new CountingSink()),
                () -> sql(store, "SELECT series, epoch_us(date_trunc('day', t)) b, avg(v)" + SUMMARY + " FROM "
                        + POINTS + " WHERE" + weekSql + " GROUP BY 1, 2 ORDER BY 1, 2")));
        timings.add(time("1 series, 30 days, raw",
                () -> http.get(oneSeries + month + "&interval=raw").ok(),
                () -> service.read(project, first, new SeriesRead(monthRange, Rollup.raw(), ZoneOffset.UTC),
                        new CountingSink()),
                () -> sql(store, "SELECT series, epoch_us(t), v FROM " + POINTS + " WHERE series = " + seriesNumber
                        + " AND" + monthSql + " ORDER BY series, t")));
        return timings;
    }

    /**
     * Cheap requests (a series' metadata) for the warm-up time, before the reads' turns: they run the request path
     * every read shares (Jetty, Javalin, authentication, TempoDB's routing) thousands of times, so that it is
     * compiled as in a server in service. The reads' own turns, at 10-70 ms a request, ask a few hundred times
     * only: with them alone the shared path was still being compiled while timed (a series' metadata took 2.6-9.5 ms
     * in the turns, against 0.4-0.6 ms after 6,000 such requests).
     */
    private void warmUpRequests(BenchConnection http) throws IOException {
        out.printf("  warming up the request path for %.1f s...%n", turns.warmUp().toMillis() / 1000.0);
        out.flush();
        long deadline = System.nanoTime() + turns.warmUp().toNanos();
        while (System.nanoTime() < deadline) {
            http.get("/v1/series/?key=" + key(0)).ok();
        }
    }

    private static String sqlTime(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "");
    }

    private Timing time(String question, Callable<?> viaHttp, Runnable viaService, Callable<?> viaEngine)
            throws Exception {
        out.printf("  timing %s...%n", question);
        out.flush();
        Callable<?> service = () -> {
            viaService.run();
            return null;
        };
        double[] medians = turns.medianMillis(List.of(viaHttp, service, viaEngine));
        return new Timing(question, medians[0], medians[1], medians[2]);
    }

    /** Takes the points a service read streams, as a dialect writing them would, minus the writing. */
    private static final class CountingSink implements DataSetSink {
        private long points;

        @Override
        public void begin(Series series, TimeRange range) {}

        @Override
        public void point(long micros, double value) {
            points++;
        }

        @Override
        public void end(Summary summary) {}
    }

    /** Every row read, as a client reads every point of an answer. */
    private static long sql(ProjectStore store, String sql) {
        return store.read(session -> {
            long[] rows = new long[1];
            session.forEach(sql, List.of(), row -> {
                row.longValue(2);
                row.doubleValue(3);
                rows[0]++;
            });
            return rows[0];
        });
    }
}
