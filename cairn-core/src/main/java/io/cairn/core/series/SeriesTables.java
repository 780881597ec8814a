package io.cairn.core.series;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.model.ColumnType;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.SqlDialect;
import io.cairn.core.storage.WriteSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tables of a project's series, spelled by the engine's dialect; the DDL is idempotent.
 *
 * <p>Points live in two tables of {@code (series, t, v)}. New points land in {@link #FRESH}, in arrival order. Once
 * it holds enough, {@link #compact} moves them to {@link #POINTS} sorted by series and time, so the points table is
 * a sequence of runs each clustered by series: the engine's per-block min/max statistics then let a one-series range
 * read skip every block of other series, where an arrival-ordered table interleaves all series in every block.
 */
final class SeriesTables {

    static final String SERIES = "cairn_series";
    static final String POINTS = "cairn_series_points";
    static final String FRESH = "cairn_series_fresh";

    static final List<RowBatch.Column> POINT_COLUMNS = List.of(new RowBatch.Column("series", ColumnType.BIGINT),
            new RowBatch.Column("t", ColumnType.TIMESTAMP), new RowBatch.Column("v", ColumnType.DOUBLE));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlDialect dialect;

    SeriesTables(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    void create(WriteSession session) {
        session.execute("CREATE TABLE IF NOT EXISTS " + SERIES + " (number BIGINT PRIMARY KEY, id VARCHAR NOT NULL,"
                + " key VARCHAR NOT NULL, name VARCHAR NOT NULL, tags VARCHAR NOT NULL, attributes VARCHAR NOT NULL,"
                + " created_at TIMESTAMP NOT NULL)", List.of());
        for (String table : List.of(POINTS, FRESH)) {
            createPoints(session, table);
        }
    }

    private static void createPoints(WriteSession session, String table) {
        session.execute("CREATE TABLE IF NOT EXISTS " + table
                + " (series BIGINT NOT NULL, t TIMESTAMP NOT NULL, v DOUBLE NOT NULL)", List.of());
    }

    /** Every series with its number, in creation order. */
    List<Numbered> listSeries(ReadSession session) {
        return session.query("SELECT number, id, key, name, tags, attributes FROM " + SERIES + " ORDER BY number",
                List.of(), row -> new Numbered(row.longValue(1), new Series(row.string(2), row.string(3),
                        row.string(4), readTags(row), readAttributes(row))));
    }

    /** Receives a series number with the first and last time of its stored points (microseconds). */
    interface SpanConsumer {
        void accept(long series, long first, long last);
    }

    /** The span of stored times of each series. */
    void forEachSpan(ReadSession session, SpanConsumer consumer) {
        String micros = dialect.epochMicros("t");
        session.forEach("SELECT series, min(f), max(l) FROM (SELECT series, min(" + micros + ") AS f, max(" + micros
                + ") AS l FROM " + POINTS + " GROUP BY series UNION ALL SELECT series, min(" + micros + "), max("
                + micros + ") FROM " + FRESH + " GROUP BY series) GROUP BY series", List.of(),
                row -> consumer.accept(row.longValue(1), row.longValue(2), row.longValue(3)));
    }

    long countFresh(ReadSession session) {
        return session.query("SELECT count(*) FROM " + FRESH, List.of(), row -> row.longValue(1)).getFirst();
    }

    void insertSeries(WriteSession session, Numbered numbered, Instant createdAt) {
        Series series = numbered.series();
        session.execute("INSERT INTO " + SERIES + " VALUES (?, ?, ?, ?, ?, ?, ?)", List.of(numbered.number(),
                series.id(), series.key(), series.name(), json(series.tags()), json(series.attributes()),
                createdAt));
    }

    void updateSeries(WriteSession session, Numbered numbered) {
        Series series = numbered.series();
        session.execute("UPDATE " + SERIES + " SET name = ?, tags = ?, attributes = ? WHERE number = ?",
                List.of(series.name(), json(series.tags()), json(series.attributes()), numbered.number()));
    }

    void deleteSeries(WriteSession session, List<Long> numbers) {
        String in = numbers(numbers);
        for (String table : List.of(POINTS, FRESH)) {
            session.execute("DELETE FROM " + table + " WHERE series IN (" + in + ")", List.of());
        }
        session.execute("DELETE FROM " + SERIES + " WHERE number IN (" + in + ")", List.of());
    }

    /** Deletes one series' points in {@code [startMicros, endMicros)}; returns how many. */
    long deleteRange(WriteSession session, long series, Instant start, Instant end) {
        long deleted = 0;
        for (String table : List.of(POINTS, FRESH)) {
            deleted += session.execute("DELETE FROM " + table + " WHERE series = ? AND t >= ? AND t < ?",
                    List.of(series, start, end));
        }
        return deleted;
    }

    /** The stored values of one series at the given times (sorted, distinct, microseconds). */
    void forEachStored(WriteSession session, long series, long[] times, int count,
            java.util.function.BiConsumer<Long, Double> stored) {
        String where = atTimes(series, times, count);
        session.forEach("SELECT " + dialect.epochMicros("t") + ", v FROM " + POINTS + where + " UNION ALL SELECT "
                + dialect.epochMicros("t") + ", v FROM " + FRESH + where, List.of(),
                row -> stored.accept(row.longValue(1), row.doubleValue(2)));
    }

    /** Deletes the points of one series at the given times (sorted, distinct, microseconds). */
    void deleteAt(WriteSession session, long series, long[] times, int count) {
        String where = atTimes(series, times, count);
        for (String table : List.of(POINTS, FRESH)) {
            session.execute("DELETE FROM " + table + where, List.of());
        }
    }

    // Numbers only, never user text: the literals let the engine prune blocks by the time bounds.
    private String atTimes(long series, long[] times, int count) {
        StringBuilder sql = new StringBuilder(" WHERE series = ").append(series)
                .append(" AND t BETWEEN ").append(literal(times[0])).append(" AND ").append(literal(times[count - 1]))
                .append(" AND t IN (");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(literal(times[i]));
        }
        return sql.append(')').toString();
    }

    private String literal(long micros) {
        return dialect.timestampLiteral(EpochMicros.toInstant(micros));
    }

    /** Moves every fresh point into the points table as one run sorted by series and time. */
    void compact(WriteSession session) {
        session.execute("INSERT INTO " + POINTS + " SELECT series, t, v FROM " + FRESH + " ORDER BY series, t",
                List.of());
        // A new table rather than a DELETE: deleted rows would linger in its blocks until a checkpoint.
        session.execute("DROP TABLE " + FRESH, List.of());
        createPoints(session, FRESH);
    }

    /**
     * The points of the given series in {@code [start, end)}, as {@code p(series, t, v)}: from both tables, or from
     * the points table alone when {@code withFresh} is false (the caller knows the fresh table holds none of them).
     * An empty list means every series, which needs no series condition at all.
     */
    String pointsIn(List<Long> series, Instant start, Instant end, boolean withFresh) {
        String which = series.isEmpty() ? "" : " series " + (series.size() == 1 ? "= " + series.getFirst()
                : "IN (" + numbers(series) + ")") + " AND";
        String where = " WHERE" + which + " t >= " + dialect.timestampLiteral(start) + " AND t < "
                + dialect.timestampLiteral(end);
        String stored = "SELECT series, t, v FROM " + POINTS + where;
        return "(" + stored + (withFresh ? " UNION ALL SELECT series, t, v FROM " + FRESH + where : "") + ") p";
    }

    /** Per series, the first and last time of its points in the fresh table. */
    void forEachFreshSpan(ReadSession session, SpanConsumer consumer) {
        String micros = dialect.epochMicros("t");
        session.forEach("SELECT series, min(" + micros + "), max(" + micros + ") FROM " + FRESH + " GROUP BY series",
                List.of(), row -> consumer.accept(row.longValue(1), row.longValue(2), row.longValue(3)));
    }

    /**
     * How one series' points lie in the points table, in the order they were inserted: every point at or before the
     * latest time inserted before it is out of order, from its time to that latest one.
     */
    StoredOrder storedOrder(ReadSession session, long series) {
        String micros = dialect.epochMicros("t");
        String highest = dialect.epochMicros("highest");
        Long last = session.query("SELECT max(" + micros + ") FROM " + POINTS + " WHERE series = " + series,
                List.of(), row -> row.longValue(1)).getFirst();
        StoredOrder order = new StoredOrder(last == null ? Long.MIN_VALUE : last);
        session.forEach("SELECT min(" + micros + "), " + highest + " FROM (SELECT t, max(t) OVER (ORDER BY "
                + dialect.insertionOrder() + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS highest FROM "
                + POINTS + " WHERE series = " + series + ") WHERE t <= highest GROUP BY highest", List.of(),
                row -> order.outOfOrder(row.longValue(1), row.longValue(2)));
        return order;
    }

    static String numbers(List<Long> numbers) {
        StringBuilder in = new StringBuilder();
        for (Long number : numbers) {
            in.append(in.isEmpty() ? "" : ", ").append(number.longValue());
        }
        return in.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("series metadata could not be written as JSON", e);
        }
    }

    private static List<String> readTags(Row row) {
        try {
            return JSON.readValue(row.string(5), new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored series tags are not JSON", e);
        }
    }

    private static Map<String, String> readAttributes(Row row) {
        try {
            return JSON.readValue(row.string(6), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored series attributes are not JSON", e);
        }
    }

    /** A series with the number its points are stored under. */
    record Numbered(long number, Series series) {}
}
