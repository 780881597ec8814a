package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.EventPredicates;
import io.cairn.core.event.IsoDateTimes;
import io.cairn.core.event.PropertyType;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.SqlDialect;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final JsonFactory JSON = new JsonFactory();
    /** Result columns: timestamp, created_at, the packed strings, then the other types. */
    private static final int FIRST_TYPED_COLUMN = 4;

    /**
     * One chosen column: its path split into keys, and where its value is in a result row (a column index, or for
     * strings an index into the row's packed strings).
     */
    private record Field(String[] keys, PropertyType type, int position) {}

    private final CollectionSchema schema;
    private final SqlDialect dialect;
    private final List<Field> fields = new ArrayList<>();
    private final String select;

    /**
     * Result rows bring the two timestamps as epoch microseconds (formatted here: far cheaper than in the engine),
     * then every string of the event packed into one JSON array (the driver's cost is per string, not per
     * character), then the other typed columns one by one.
     */
    Extractions(CollectionSchema schema, SqlDialect dialect, List<String> propertyNames) {
        this.schema = schema;
        this.dialect = dialect;
        List<String> texts = new ArrayList<>(List.of(dialect.quoteIdentifier(CollectionSchema.ID_COLUMN)));
        List<String> typed = new ArrayList<>();
        for (EventColumn column : schema.columns()) {
            if (!column.type().isStored() || !(propertyNames.isEmpty() || wanted(column.path(), propertyNames))) {
                continue;
            }
            String sql = dialect.quoteIdentifier(column.column());
            String[] keys = column.path().split("\\.");
            if (column.type() == PropertyType.STRING) {
                fields.add(new Field(keys, column.type(), texts.size()));
                texts.add(sql);
            } else {
                typed.add(column.type() == PropertyType.DATETIME ? dialect.epochMicros(sql) : sql);
                fields.add(new Field(keys, column.type(), FIRST_TYPED_COLUMN + typed.size() - 1));
            }
        }
        List<String> expressions = new ArrayList<>(List.of(
                dialect.epochMicros(dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN)),
                dialect.epochMicros(dialect.quoteIdentifier(CollectionSchema.CREATED_AT_COLUMN)),
                dialect.textsAsJsonArray(texts)));
        expressions.addAll(typed);
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
                // Only the N rows kept are turned into output columns, oldest first.
                session.forEach("SELECT " + select + " FROM (SELECT *" + from + " AND " + ts + " >= ? ORDER BY " + ts
                        + " DESC LIMIT " + query.latest() + ") ORDER BY " + ts, parameters,
                        row -> found.add(event(row)));
                if (found.size() >= query.latest() || lower <= oldest) {
                    return found;
                }
                window *= 8;
            }
        });
        latest.forEach(sink);
    }

    private Map<String, Object> event(Row row) {
        List<String> texts = texts(row.string(3));
        Map<String, Object> event = new LinkedHashMap<>();
        Map<String, Object> keen = new LinkedHashMap<>();
        keen.put("timestamp", IsoDateTimes.formatMillis(row.longValue(1)));
        keen.put("created_at", IsoDateTimes.formatMillis(row.longValue(2)));
        keen.put("id", texts.getFirst());
        event.put("keen", keen);
        for (Field field : fields) {
            Object value = switch (field.type()) {
                case STRING -> texts.get(field.position());
                case NUMBER -> row.doubleValue(field.position());
                case BOOLEAN -> row.booleanValue(field.position());
                case DATETIME -> {
                    Long micros = row.longValue(field.position());
                    yield micros == null ? null : IsoDateTimes.formatMillis(micros);
                }
                case LIST -> row.string(field.position()) == null ? null : new JsonText(row.string(field.position()));
                case NULL -> null;
            };
            if (value != null) {
                put(event, field.keys(), value);
            }
        }
        return event;
    }

    /** The strings of a JSON array of strings and nulls, as packed by the dialect. */
    private static List<String> texts(String jsonArray) {
        List<String> texts = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(jsonArray)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                texts.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL, "the engine packed an event's strings unreadably", e);
        }
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> event, String[] parts, Object value) {
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
