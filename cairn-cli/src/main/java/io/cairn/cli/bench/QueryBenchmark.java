package io.cairn.cli.bench;

import io.cairn.core.CairnCore;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.PropertyType;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.ProjectStore;
import io.cairn.server.dialect.keen.KeenBatchReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Analysis latency: each question asked through Keen's HTTP API and, in the same run, asked directly of the engine
 * in SQL over the same table, every row of both answers read, the two forms taking {@link Turns}.
 */
public final class QueryBenchmark {

    public static final String COLLECTION = "purchases";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(60);
    private static final int RUNS = 7;

    /**
     * One question's two timings. Each must be within 1.5x of the engine's time plus 5 ms of fixed overhead, and
     * some also under an absolute limit ({@code Double.POSITIVE_INFINITY} for none).
     */
    /** @param extra not one of the questions whose total has a target */
    public record Timing(String question, double httpMillis, double engineMillis, double limitMillis,
            boolean extra) {

        public boolean onTarget() {
            return httpMillis <= 1.5 * engineMillis + 5 && httpMillis < limitMillis;
        }

        public String target() {
            return "<= 1.5x + 5 ms" + (limitMillis == Double.POSITIVE_INFINITY ? ""
                    : String.format(", < %.0f ms", limitMillis));
        }
    }

    /** The whole set of questions must be answered within this. */
    public static final double TOTAL_LIMIT_MILLIS = 2000;
    /** The newest events are found by time order, not by sorting everything. */
    private static final double LATEST_LIMIT_MILLIS = 15;

    private final CairnCore core;
    private final ProjectId project;
    private final PrintWriter out;
    private final Turns turns;

    /** A benchmark that waits {@code warmUp} before timing each question. */
    public QueryBenchmark(CairnCore core, ProjectId project, Duration warmUp, PrintWriter out) {
        this.core = core;
        this.project = project;
        this.turns = new Turns(warmUp, RUNS, Duration.ZERO);
        this.out = out;
    }

    /** Tops the collection up to {@code events} events (generated as for the ingest benchmark). */
    public void load(long events) {
        long present = core.events().count(project, COLLECTION, List.of(), null);
        if (present >= events) {
            out.printf("  reusing %,d events%n", present);
            return;
        }
        out.printf("  loading %,d events (once; later runs reuse them)...%n", events - present);
        out.flush();
        BenchEvents generator = new BenchEvents(present + 1, START.plus(SPAN.multipliedBy(present).dividedBy(events)),
                SPAN.toMillis() * (events - present) / events, events - present);
        for (long loaded = present; loaded < events; loaded += 5000) {
            int size = (int) Math.min(5000, events - loaded);
            core.events().ingest(project, KeenBatchReader.read(
                    new ByteArrayInputStream(generator.batch(COLLECTION, size)), Optional.empty()));
        }
    }

    public List<Timing> run(URI baseUri, String readKey) throws Exception {
        CollectionSchema schema = core.events().getCollection(project, COLLECTION);
        String t = quote(schema.table());
        String user = column(schema, "user.id", PropertyType.STRING);
        String country = column(schema, "user.country", PropertyType.STRING);
        String category = column(schema, "item.category", PropertyType.STRING);
        String price = column(schema, "item.price", PropertyType.NUMBER);
        String os = column(schema, "device.os", PropertyType.STRING);
        String gift = column(schema, "gift", PropertyType.BOOLEAN);
        String quantity = column(schema, "quantity", PropertyType.NUMBER);
        String range = "{\"start\":\"" + START + "\",\"end\":\"" + START.plus(SPAN) + "\"}";
        try (Http http = new Http(baseUri, project, readKey)) {
            ProjectStore store = core.storage().project(project);
            int tableColumns = 3 + (int) schema.columns().stream().filter(c -> c.type().isStored()).count();
            List<Timing> timings = new ArrayList<>();
            timings.add(time("count per day, whole range",
                    () -> http.get("count", "interval=daily&timeframe=" + enc(range)),
                    () -> sql(store, "SELECT epoch_us(date_trunc('day', keen_timestamp)), count(*) FROM " + t
                            + " WHERE keen_timestamp >= TIMESTAMP '2026-01-01'"
                            + " AND keen_timestamp < TIMESTAMP '2026-03-02'"
                            + " GROUP BY 1", 2)));
            timings.add(time("sum group_by country",
                    () -> http.get("sum", "target_property=item.price&group_by=user.country"),
                    () -> sql(store, "SELECT " + country + ", sum(" + price + ") FROM " + t + " GROUP BY 1", 2)));
            timings.add(time("count_unique user.id (200k)",
                    () -> http.get("count_unique", "target_property=user.id"),
                    () -> sql(store, "SELECT count(DISTINCT " + user + ") FROM " + t, 1)));
            timings.add(time("count_unique group_by + filter",
                    () -> http.get("count_unique", "target_property=user.id&group_by=item.category&filters="
                            + enc("[{\"property_name\":\"device.os\",\"operator\":\"eq\","
                                    + "\"property_value\":\"ios\"}]")),
                    () -> sql(store, "SELECT " + category + ", count(DISTINCT " + user + ") FROM " + t + " WHERE " + os
                            + " = 'ios' GROUP BY 1", 2)));
            timings.add(time("2-step funnel",
                    () -> http.post("funnel", "{\"steps\": [{\"event_collection\": \"purchases\", \"actor_property\":"
                            + " \"user.id\", \"filters\": [{\"property_name\": \"gift\", \"operator\": \"eq\","
                            + " \"property_value\": true}]}, {\"event_collection\": \"purchases\", \"actor_property\":"
                            + " \"user.id\", \"filters\": [{\"property_name\": \"quantity\", \"operator\": \"gte\","
                            + " \"property_value\": 4}]}]}"),
                    () -> sql(store, "WITH a AS (SELECT DISTINCT " + user + " u FROM " + t + " WHERE " + gift + "),"
                            + " b AS (SELECT DISTINCT " + user + " u FROM " + t + " WHERE " + quantity + " >= 4)"
                            + " SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM (SELECT u FROM a INTERSECT"
                            + " SELECT u FROM b))", 2)));
            timings.add(time("extraction, latest 1,000", LATEST_LIMIT_MILLIS,
                    () -> http.get("extraction", "latest=1000"),
                    () -> sql(store, "SELECT * FROM " + t + " ORDER BY keen_timestamp DESC LIMIT 1000", tableColumns)));
            // Not one of the six: the same question on a named zone's calendar, where the engine's own way
            // to ask it converts every row with ICU.
            timings.add(extra(time("count per day, Europe/Berlin",
                    () -> http.get("count", "interval=daily&timezone=Europe/Berlin&timeframe=" + enc(range)),
                    () -> sql(store, "SELECT epoch_us(timezone('Europe/Berlin', date_trunc('day', timezone("
                            + "'Europe/Berlin', keen_timestamp AT TIME ZONE 'UTC')))), count(*) FROM " + t
                            + " WHERE keen_timestamp >= TIMESTAMP '2026-01-01'"
                            + " AND keen_timestamp < TIMESTAMP '2026-03-02'"
                            + " GROUP BY 1", 2))));
            return timings;
        }
    }

    private Timing time(String question, Callable<?> viaHttp, Callable<?> viaEngine) throws Exception {
        return time(question, Double.POSITIVE_INFINITY, viaHttp, viaEngine);
    }

    private Timing time(String question, double limitMillis, Callable<?> viaHttp, Callable<?> viaEngine)
            throws Exception {
        out.printf("  timing %s...%n", question);
        out.flush();
        double[] medians = turns.medianMillis(List.of(viaHttp, viaEngine));
        return new Timing(question, medians[0], medians[1], limitMillis, false);
    }

    private static Timing extra(Timing timing) {
        return new Timing(timing.question(), timing.httpMillis(), timing.engineMillis(), timing.limitMillis(), true);
    }

    /** Every value of every row, as a client of the engine would read its answer. */
    private static Object sql(ProjectStore store, String sql, int columns) {
        return store.read(session -> session.query(sql, List.of(), row -> {
            Object[] values = new Object[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = row.object(i + 1);
            }
            return values;
        }));
    }

    private static String column(CollectionSchema schema, String path, PropertyType type) {
        return quote(schema.column(path, type).orElseThrow(() -> new IllegalStateException(
                "the benchmark collection has no " + path)).column());
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Keen queries with the read key over one kept-alive connection, answers read fully (as a client would). */
    private static final class Http implements AutoCloseable {
        private final BenchConnection connection;
        private final String queries;

        Http(URI base, ProjectId project, String key) {
            this.connection = new BenchConnection(base, key);
            this.queries = "/3.0/projects/" + project + "/queries/";
        }

        int get(String analysis, String query) throws IOException {
            return connection.get(queries + analysis + "?event_collection=" + COLLECTION + "&" + query).ok();
        }

        int post(String analysis, String json) throws IOException {
            return connection.post(queries + analysis, json.getBytes(StandardCharsets.UTF_8)).ok();
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
