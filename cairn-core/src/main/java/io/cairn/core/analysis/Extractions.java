package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Extraction: events written back as JSON ({@link EventJson}) one at a time, while the result is read (the newest N
 * events, when there are few enough to hold, once all are read: the engine finds them newest first). The most
 * recent N events are found without sorting the whole collection: events arrive roughly in time order, so their row
 * groups' min/max timestamps let the engine skip everything before a lower bound. The bound is where the same
 * question's last answer began ({@link NewestHints}); failing that, it is guessed from the collection's density
 * (about four times the span N average events cover) and widens until N events are in reach.
 */
final class Extractions {

    /** Answers up to this many events are held in memory to be turned around; larger ones stream. */
    static final int HELD_EVENTS = 10_000;

    private final CollectionSchema schema;
    private final SqlDialect dialect;
    private final EventJson events;
    private final NewestHints hints;

    Extractions(CollectionSchema schema, SqlDialect dialect, List<String> propertyNames, NewestHints hints) {
        this.schema = schema;
        this.dialect = dialect;
        this.events = new EventJson(schema, dialect, propertyNames);
        this.hints = hints;
    }

    void run(ProjectId projectId, ProjectStore store, ExtractionQuery query, JsonGenerator out) {
        EventPredicates.Condition where = EventPredicates.compile(schema, query.filters(), query.timeframe(),
                dialect);
        String table = dialect.quoteIdentifier(schema.table());
        String from = " FROM " + table + " WHERE " + where.sql();
        String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
        if (query.latest() == null) {
            store.read(session -> {
                session.forEach("SELECT " + events.select() + from + " ORDER BY " + ts, where.parameters(),
                        row -> events.write(events.read(row), out));
                return null;
            });
            return;
        }
        int latest = query.latest();
        NewestHints.Question question = new NewestHints.Question(projectId, table, where.sql(), where.parameters(),
                latest);
        Newest newest = new Newest(from, where.parameters(), latest, question, out);
        store.read(session -> {
            OptionalLong hint = hints.oldestKept(question);
            if (hint.isPresent() && newest.write(session, hint.getAsLong(), false)) {
                return null;
            }
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
            long newestTime = stats[2];
            for (long window = Math.max(1_000_000L, (newestTime - oldest) / stats[0] * latest * 4); ; window *= 8) {
                long lower = newestTime - window;
                if (newest.write(session, lower, lower <= oldest)) {
                    return null;
                }
            }
        });
    }

    /**
     * The newest N matching events of one extraction, looked for from a lower bound on. If N of them lie from the
     * bound on, they are the newest of the whole collection, as every event before the bound is older than each.
     */
    private final class Newest {
        private final String from;
        private final List<Object> filterParameters;
        private final int latest;
        private final NewestHints.Question question;
        private final JsonGenerator out;

        Newest(String from, List<Object> filterParameters, int latest, NewestHints.Question question,
                JsonGenerator out) {
            this.from = from;
            this.filterParameters = filterParameters;
            this.latest = latest;
            this.question = question;
            this.out = out;
        }

        /**
         * Writes the newest N events from {@code lower} on, oldest first, if N lie there or {@code last} says no
         * wider bound will follow; returns whether it wrote. What it wrote began where the next such question will
         * be asked first.
         */
        boolean write(ReadSession session, long lower, boolean last) {
            String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
            String newest = from + " AND " + ts + " >= ? ORDER BY " + ts + " DESC LIMIT " + latest;
            List<Object> parameters = withLowerBound(filterParameters, lower);
            if (latest > HELD_EVENTS) {
                return streamOldestFirst(session, newest, parameters, last);
            }
            // Asked newest first, the engine stops at N; held, they are written in the other order.
            List<EventJson.Event> found = new ArrayList<>(latest);
            session.forEach("SELECT " + events.select() + newest, parameters, row -> found.add(events.read(row)));
            if (found.size() < latest && !last) {
                return false;
            }
            if (!found.isEmpty()) {
                hints.remember(question, found.getLast().timestampMicros());
            }
            for (EventJson.Event event : found.reversed()) {
                events.write(event, out);
            }
            return true;
        }

        /**
         * For answers too large to hold: only the timestamps are ranked first, to learn whether N events lie from
         * {@code lower} on and the time of the oldest one kept; the events are then read oldest first from that
         * time on, a window as narrow as the answer.
         */
        private boolean streamOldestFirst(ReadSession session, String newest, List<Object> parameters,
                boolean last) {
            String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
            long[] reach = session.query("SELECT count(*), " + dialect.epochMicros("min(" + ts + ")")
                    + " FROM (SELECT " + ts + newest + ")", parameters,
                    row -> new long[] {row.longValue(1), row.longValue(1) == 0 ? 0 : row.longValue(2)}).getFirst();
            if (reach[0] < latest && !last) {
                return false;
            }
            if (reach[0] > 0) {
                hints.remember(question, reach[1]);
                session.forEach("SELECT " + events.select() + " FROM (SELECT *" + newest + ") ORDER BY " + ts,
                        withLowerBound(filterParameters, reach[1]), row -> events.write(events.read(row), out));
            }
            return true;
        }
    }

    private static List<Object> withLowerBound(List<Object> filterParameters, long micros) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        parameters.add(EpochMicros.toInstant(micros));
        return parameters;
    }
}
