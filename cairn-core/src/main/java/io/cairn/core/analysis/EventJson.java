package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.IsoDateTimes;
import io.cairn.core.event.PropertyType;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.SqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored events back to the JSON they were sent as: which columns to select, and how to write one result row as an
 * event object straight to a generator (no intermediate maps: extractions write every event they read). Properties
 * nest by their dotted paths; missing ones, and objects left with no property, are left out; numbers are stored as
 * doubles and written without a fraction when whole; date-times in the wire's one form; lists as they were sent.
 *
 * <p>A row brings the two timestamps as epoch microseconds, then every string of the event packed into one JSON
 * array, as UTF-8 bytes ({@link PackedTexts}: the JDBC driver's cost is mostly per string, and bytes cost it less
 * than text), then the other typed columns one by one.
 */
final class EventJson {

    private static final String KEEN = "keen";
    private static final SerializedString KEEN_NAME = new SerializedString(KEEN);
    private static final SerializedString TIMESTAMP_NAME = new SerializedString("timestamp");
    private static final SerializedString CREATED_AT_NAME = new SerializedString("created_at");
    private static final SerializedString ID_NAME = new SerializedString("id");
    /** Result columns: timestamp, created_at, the packed strings, then the other types. */
    private static final int FIRST_TYPED_COLUMN = 4;

    /**
     * One chosen column and where its value is in a result row: a column index, or for strings an index into the
     * row's packed strings.
     */
    private record Field(PropertyType type, int position) {}

    /**
     * A key of the event: the columns stored right at its path and the keys nested under it. Built from the schema,
     * then frozen into arrays that every row walks.
     */
    private static final class Node {
        final List<Integer> fieldList = new ArrayList<>();
        final Map<String, Node> childMap = new LinkedHashMap<>();
        int[] fields;
        SerializedString[] names;
        Node[] children;

        Node freeze() {
            fields = fieldList.stream().mapToInt(Integer::intValue).toArray();
            names = childMap.keySet().stream().map(SerializedString::new).toArray(SerializedString[]::new);
            children = childMap.values().stream().map(Node::freeze).toArray(Node[]::new);
            return this;
        }
    }

    private final List<Field> fields = new ArrayList<>();
    private final Node root = new Node();
    private final Node keen = new Node();
    private final String select;
    private final int textCount;

    /**
     * One event read out of a result row, to be written later (extractions of the newest events read them newest
     * first and write them oldest first).
     *
     * @param values each chosen field's value, null where the event has none
     */
    record Event(long timestampMicros, long createdAtMicros, Object id, Object[] values) {}

    /** Every stored property, or only those at or under {@code propertyNames} when some are given. */
    EventJson(CollectionSchema schema, SqlDialect dialect, List<String> propertyNames) {
        List<String> textColumns = new ArrayList<>(List.of(dialect.quoteIdentifier(CollectionSchema.ID_COLUMN)));
        List<String> typed = new ArrayList<>();
        for (EventColumn column : schema.columns()) {
            String[] keys = column.path().split("\\.");
            // keen.* properties join the automatic ones in the keen object; a plain value named keen cannot.
            boolean underKeen = keys[0].equals(KEEN);
            if (!column.type().isStored() || (underKeen && keys.length == 1)
                    || !(propertyNames.isEmpty() || wanted(column.path(), propertyNames))) {
                continue;
            }
            String sql = dialect.quoteIdentifier(column.column());
            if (column.type() == PropertyType.STRING) {
                fields.add(new Field(column.type(), textColumns.size()));
                textColumns.add(sql);
            } else {
                typed.add(column.type() == PropertyType.DATETIME ? dialect.epochMicros(sql) : sql);
                fields.add(new Field(column.type(), FIRST_TYPED_COLUMN + typed.size() - 1));
            }
            Node node = underKeen ? keen : root;
            for (int i = underKeen ? 1 : 0; i < keys.length; i++) {
                node = node.childMap.computeIfAbsent(keys[i], k -> new Node());
            }
            node.fieldList.add(fields.size() - 1);
        }
        List<String> expressions = new ArrayList<>(List.of(
                dialect.epochMicros(dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN)),
                dialect.epochMicros(dialect.quoteIdentifier(CollectionSchema.CREATED_AT_COLUMN)),
                dialect.textsAsJsonArray(textColumns)));
        expressions.addAll(typed);
        this.select = String.join(", ", expressions);
        this.textCount = textColumns.size();
        root.freeze();
        keen.freeze();
    }

    /** The select list that {@link #read} reads rows of (further columns may follow it). */
    String select() {
        return select;
    }

    /** The event of a row whose first columns are {@link #select}'s. */
    Event read(Row row) {
        Object[] texts = new Object[textCount];
        if (PackedTexts.unpack(row.bytes(3), texts) != texts.length) {
            throw new InternalException(ErrorCode.INTERNAL, "the engine packed an event's strings unreadably");
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(row, fields.get(i), texts);
        }
        return new Event(row.longValue(1), row.longValue(2), texts[0], values);
    }

    /** Writes the event as one object, {@code keen} first. */
    void write(Event event, JsonGenerator out) {
        try {
            out.writeStartObject();
            out.writeFieldName(KEEN_NAME);
            out.writeStartObject();
            out.writeFieldName(TIMESTAMP_NAME);
            out.writeString(IsoDateTimes.formatMillis(event.timestampMicros()));
            out.writeFieldName(CREATED_AT_NAME);
            out.writeString(IsoDateTimes.formatMillis(event.createdAtMicros()));
            out.writeFieldName(ID_NAME);
            writeScalar(event.id(), out);
            writeMembers(keen, event.values(), out);
            out.writeEndObject();
            writeMembers(root, event.values(), out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Row row, Field field, Object[] texts) {
        return switch (field.type()) {
            case STRING -> texts[field.position()];
            case NUMBER -> row.doubleValue(field.position());
            case BOOLEAN -> row.booleanValue(field.position());
            case DATETIME -> {
                Long micros = row.longValue(field.position());
                yield micros == null ? null : IsoDateTimes.formatMillis(micros);
            }
            case LIST -> row.string(field.position()) == null ? null : new StoredJson(row.string(field.position()));
            case NULL -> null;
        };
    }

    /** A stored list: written as the JSON text it was stored as. */
    private record StoredJson(String json) {}

    /**
     * The members of {@code node} that hold something in this row. A key holds its own value when the row has one
     * (a type-conflicted property has one column per type, and an event sets at most one), else its nested keys.
     */
    private static void writeMembers(Node node, Object[] values, JsonGenerator out) throws IOException {
        for (int i = 0; i < node.children.length; i++) {
            Node child = node.children[i];
            Object own = ownValue(child, values);
            if (own != null) {
                out.writeFieldName(node.names[i]);
                writeScalar(own, out);
            } else if (holdsAnything(child, values)) {
                out.writeFieldName(node.names[i]);
                out.writeStartObject();
                writeMembers(child, values, out);
                out.writeEndObject();
            }
        }
    }

    private static Object ownValue(Node node, Object[] values) {
        for (int field : node.fields) {
            if (values[field] != null) {
                return values[field];
            }
        }
        return null;
    }

    private static boolean holdsAnything(Node node, Object[] values) {
        if (ownValue(node, values) != null) {
            return true;
        }
        for (Node child : node.children) {
            if (holdsAnything(child, values)) {
                return true;
            }
        }
        return false;
    }

    private static void writeScalar(Object value, JsonGenerator out) throws IOException {
        switch (value) {
            // Only a generator that writes bytes can copy them through.
            case PackedTexts.Utf8 text when out instanceof UTF8JsonGenerator ->
                    out.writeRawUTF8String(text.bytes(), text.start(), text.length());
            case PackedTexts.Utf8 text -> out.writeString(text.toString());
            case String text -> out.writeString(text);
            case Double number when number == Math.rint(number) && Math.abs(number) < 1e15 ->
                    out.writeNumber(number.longValue());
            case Double number -> out.writeNumber(number);
            case Boolean bool -> out.writeBoolean(bool);
            case StoredJson json -> out.writeRawValue(json.json());
            default -> throw new IllegalStateException("no JSON form for " + value.getClass());
        }
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
