package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.event.PropertyType;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.SqlDialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Extraction: events rebuilt as nested maps from their columns and handed out one at a time. The most recent N
 * events are found without sorting the whole collection: events arrive roughly in time order, so their row groups'
 * min/max timestamps let the engine skip everything before a lower bound; the bound starts a day before the newest
 * event and widens until N events are in reach.
 */
final class Extractions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final long INITIAL_WINDOW_MICROS = 86_400_000_000L;
    /** About 100,000 years: past this the bound reaches before any event, so the last try covers everything. */
    private static final long MAX_WINDOW_MICROS = 86_400_000_000L * 365 * 100_000;

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
        List<String> names = new ArrayList<>(List.of(CollectionSchema.TIMESTAMP_COLUMN,
                CollectionSchema.CREATED_AT_COLUMN, CollectionSchema.ID_COLUMN));
        chosen.forEach(c -> names.add(c.column()));
        this.select = String.join(", ", names.stream().map(dialect::quoteIdentifier).toList());
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
        List<Map<String, Object>> latest = store.read(session -> {
            Long newest = session.query("SELECT " + dialect.epochMicros("max(" + ts + ")") + from, where.parameters(),
                    row -> row.longValue(1)).getFirst();
            List<Map<String, Object>> found = new ArrayList<>();
            long window = INITIAL_WINDOW_MICROS;
            while (newest != null) {
                List<Object> parameters = new ArrayList<>(where.parameters());
                long lower = newest - window;
                parameters.add(Instant.ofEpochSecond(Math.floorDiv(lower, 1_000_000), Math.floorMod(lower, 1_000_000)
                        * 1000L));
                found.clear();
                session.forEach("SELECT " + select + from + " AND " + ts + " >= ? ORDER BY " + ts + " DESC LIMIT "
                        + query.latest(), parameters, row -> found.add(event(row)));
                if (found.size() >= query.latest() || window > MAX_WINDOW_MICROS) {
                    break;
                }
                window *= 16;
            }
            return found;
        });
        Collections.reverse(latest);
        latest.forEach(sink);
    }

    private Map<String, Object> event(Row row) {
        Map<String, Object> event = new LinkedHashMap<>();
        Map<String, Object> keen = new LinkedHashMap<>();
        keen.put("timestamp", iso(row.instant(1)));
        keen.put("created_at", iso(row.instant(2)));
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
            case DATETIME -> iso(row.instant(column));
            case LIST -> list(row.string(column));
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

    private static String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }

    private static Object list(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
