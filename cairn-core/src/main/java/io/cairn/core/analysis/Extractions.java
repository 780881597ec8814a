package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extraction: events written back as JSON ({@link EventJson}) one at a time, while the result is read. The most
 * recent N events are found without sorting the whole collection: events arrive roughly in time order, so their row
 * groups' min/max timestamps let the engine skip everything before a lower bound. The first bound is guessed from
 * the collection's density (about four times the span N average events cover) and widens until N events are in
 * reach.
 */
final class Extractions {

    private final CollectionSchema schema;
    private final SqlDialect dialect;
    private final EventJson events;

    Extractions(CollectionSchema schema, SqlDialect dialect, List<String> propertyNames) {
        this.schema = schema;
        this.dialect = dialect;
        this.events = new EventJson(schema, dialect, propertyNames);
    }

    void run(ProjectStore store, ExtractionQuery query, JsonGenerator out) {
        EventPredicates.Condition where = EventPredicates.compile(schema, query.filters(), query.timeframe(),
                dialect);
        String table = dialect.quoteIdentifier(schema.table());
        String from = " FROM " + table + " WHERE " + where.sql();
        String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
        if (query.latest() == null) {
            store.read(session -> {
                session.forEach("SELECT " + events.select() + from + " ORDER BY " + ts, where.parameters(),
                        row -> events.write(row, out));
                return null;
            });
            return;
        }
        store.read(session -> {
            // Row counts and min/max come from the engine's statistics: cheap, and enough to guess how far back
            // the latest events reach.
            long[] stats = session.query("SELECT count(*), " + dialect.epochMicros("min(" + ts + ")") + ", "
                    + dialect.epochMicros("max(" + ts + ")") + " FROM " + table, List.of(),
                    row -> row.longValue(1) == 0 ? null
                            : new long[] {row.longValue(1), row.longValue(2), row.longValue(3)}).getFirst();
            if (stats == null) {
                return null;
            }
            long oldest = stats[1];
            long newest = stats[2];
            for (long window = Math.max(1_000_000L, (newest - oldest) / stats[0] * query.latest() * 4); ; window *= 8) {
                long lower = newest - window;
                boolean last = lower <= oldest;
                if (latest(session, from, where.parameters(), lower, query.latest(), last, out)) {
                    return null;
                }
            }
        });
    }

    /**
     * Writes the newest {@code latest} events from {@code lower} on, oldest first, if there are that many or
     * {@code last} says no wider window will follow; returns whether it wrote.
     *
     * <p>First only the timestamps of the window are ranked, to learn whether it holds enough events and the time of
     * the oldest one kept. The events themselves are then read from that time on: a window as narrow as the answer,
     * so the engine unpacks the other columns of hardly more rows than it returns.
     */
    private boolean latest(ReadSession session, String from, List<Object> filterParameters, long lower, int latest,
            boolean last, JsonGenerator out) {
        String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
        String window = from + " AND " + ts + " >= ?";
        String newest = " ORDER BY " + ts + " DESC LIMIT " + latest;
        long[] reach = session.query("SELECT count(*), " + dialect.epochMicros("min(" + ts + ")") + " FROM (SELECT "
                + ts + window + newest + ")", withLowerBound(filterParameters, lower),
                row -> new long[] {row.longValue(1), row.longValue(1) == 0 ? lower : row.longValue(2)}).getFirst();
        if (reach[0] < latest && !last) {
            return false;
        }
        // Only the events kept are turned into output columns: the select list applies above the limit.
        session.forEach("SELECT " + events.select() + " FROM (SELECT *" + window + newest + ") ORDER BY " + ts,
                withLowerBound(filterParameters, reach[1]), row -> events.write(row, out));
        return true;
    }

    private static List<Object> withLowerBound(List<Object> filterParameters, long micros) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        parameters.add(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L));
        return parameters;
    }
}
