package io.cairn.core.analysis;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.event.PropertyType;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Extraction: events rebuilt as nested maps from their columns and handed out one at a time. The most recent N
 * events are found without sorting the whole collection: events arrive roughly in time order, so their row groups'
 * min/max timestamps let the engine skip everything before a lower bound. The first bound is guessed from the
 * collection's density (about four times the span N average events cover) and widens until N events are in reach.
 */
final class Extractions {


    private final CollectionSchema schema;
    private final SqlDialect dialect;
    private final List<EventColumn> columns;
    private final String select;

    Extractions(CollectionSchema schema, SqlDialect dialect, List<String> propertyNames) {
        this.schema = schema;
        this.dialect = dialect;
        List<EventColumn> chosen = new ArrayList<>();
        for (EventColumn column : schema.columns()) {
            if (column.type().isStored() && (propertyNames.isEmpty() || wanted(column.path(), propertyNames))) {
                chosen.add(column);
            }
        }
        this.columns = chosen;
        // Date-times leave the engine already as wire text: formatting them there is cheaper than in Java.
        List<String> expressions = new ArrayList<>(List.of(
                dialect.formatTimestamp(dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN)),
                dialect.formatTimestamp(dialect.quoteIdentifier(CollectionSchema.CREATED_AT_COLUMN)),
                dialect.quoteIdentifier(CollectionSchema.ID_COLUMN)));
        for (EventColumn column : chosen) {
            String sql = dialect.quoteIdentifier(column.column());
            expressions.add(column.type() == PropertyType.DATETIME ? dialect.formatTimestamp(sql) : sql);
        }
        this.select = String.join(", ", expressions);
    }

    void run(ProjectStore store, ExtractionQuery query, Consumer<Map<String, Object>> sink) {
        EventPredicates.Condition where = EventPredicates.compile(schema, query.filters(), query.timeframe(),
                dialect);
        String from = " FROM " + dialect.quoteIdentifier(schema.table()) + " WHERE " + where.sql();
        String ts = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
        if (query.latest() == null) {
            store.read(session -> {
                session.forEach("SELECT " + select + from + " ORDER BY " + ts, where.parameters(),
                        row -> sink.accept(event(row)));
                return null;
            });
            return;
        }
        String table = dialect.quoteIdentifier(schema.table());
        List<Map<String, Object>> latest = store.read(session -> {
            // Row counts and min/max come from the engine's statistics: cheap, and enough to guess how far back
            // the latest events reach.
            long[] stats = session.query("SELECT count(*), " + dialect.epochMicros("min(" + ts + ")") + ", "
                    + dialect.epochMicros("max(" + ts + ")") + " FROM " + table, List.of(),
                    row -> row.longValue(1) == 0 ? null
                            : new long[] {row.longValue(1), row.longValue(2), row.longValue(3)}).getFirst();
            List<Map<String, Object>> found = new ArrayList<>();
            if (stats == null) {
                return found;
            }
            long oldest = stats[1];
            long newest = stats[2];
            long window = Math.max(1_000_000L, (newest - oldest) / stats[0] * query.latest() * 4);
            while (true) {
                long lower = newest - window;
                List<Object> parameters = new ArrayList<>(where.parameters());
                parameters.add(Instant.ofEpochSecond(Math.floorDiv(lower, 1_000_000), Math.floorMod(lower, 1_000_000)
                        * 1000L));
                found.clear();
                session.forEach("SELECT " + select + from + " AND " + ts + " >= ? ORDER BY " + ts + " DESC LIMIT "
                        + query.latest(), parameters, row -> found.add(event(row)));
                if (found.size() >= query.latest() || lower <= oldest) {
                    return found;
                }
                window *= 8;
            }
        });
        Collections.reverse(latest);
        latest.forEach(sink);
    }

    private Map<String, Object> event(Row row) {
        Map<String, Object> event = new LinkedHashMap<>();
        Map<String, Object> keen = new LinkedHashMap<>();
        keen.put("timestamp", row.string(1));
        keen.put("created_at", row.string(2));
        keen.put("id", row.string(3));
        event.put("keen", keen);
        for (int i = 0; i < columns.size(); i++) {
            Object value = value(row, i + 4, columns.get(i).type());
            if (value != null) {
                put(event, columns.get(i).path(), value);
            }
        }
        return event;
    }

    private static Object value(Row row, int column, PropertyType type) {
        return switch (type) {
            case STRING -> row.string(column);
            case NUMBER -> row.doubleValue(column);
            case BOOLEAN -> row.booleanValue(column);
            case DATETIME -> row.string(column);
            case LIST -> row.string(column) == null ? null : new JsonText(row.string(column));
            case NULL -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> event, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = event;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(parts[parts.length - 1], value);
    }

    private static boolean wanted(String path, List<String> names) {
        for (String name : names) {
            if (path.equals(name) || path.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }
}
