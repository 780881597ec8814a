package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection's storage: its table and which column holds each (property path, type) pair. A path seen with two
 * types has two columns, so that a type change later in a collection's life neither loses data nor fails events.
 * The automatic properties ({@code keen.timestamp}, {@code keen.created_at}, {@code keen.id}) have fixed columns.
 * Immutable; evolution makes a new instance.
 */
public final class CollectionSchema {

    public static final String TIMESTAMP_PATH = "keen.timestamp";
    public static final String CREATED_AT_PATH = "keen.created_at";
    public static final String ID_PATH = "keen.id";
    public static final String TIMESTAMP_COLUMN = "keen_timestamp";
    public static final String CREATED_AT_COLUMN = "keen_created_at";
    public static final String ID_COLUMN = "keen_id";
    /** The prefix of property columns: {@code p1}, {@code p2}, ... */
    static final String PROPERTY_COLUMN_PREFIX = "p";

    private final String name;
    private final String table;
    private final Instant createdAt;
    private final List<EventColumn> columns;
    private final Map<PropertyType, Map<String, EventColumn>> byType = new EnumMap<>(PropertyType.class);

    public CollectionSchema(String name, String table, Instant createdAt, List<EventColumn> columns) {
        this.name = requireNonNull(name, "name is null");
        this.table = requireNonNull(table, "table is null");
        this.createdAt = requireNonNull(createdAt, "createdAt is null");
        this.columns = List.copyOf(columns);
        for (EventColumn column : this.columns) {
            byType.computeIfAbsent(column.type(), t -> new HashMap<>()).put(column.path(), column);
        }
    }

    public String name() {
        return name;
    }

    public String table() {
        return table;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Property columns in the order they were added (the automatic properties are not listed). */
    public List<EventColumn> columns() {
        return columns;
    }

    public Optional<EventColumn> column(String path, PropertyType type) {
        Map<String, EventColumn> ofType = byType.get(type);
        return ofType == null ? Optional.empty() : Optional.ofNullable(ofType.get(path));
    }

    /** Every stored column of a path, whatever its type. */
    public List<EventColumn> columnsOf(String path) {
        List<EventColumn> found = new ArrayList<>();
        for (EventColumn column : columns) {
            if (column.path().equals(path) && column.type().isStored()) {
                found.add(column);
            }
        }
        return found;
    }

    /**
     * Each property path with one type, as schema listings show it: the automatic properties, then the others in
     * the order they appeared; a path with several types shows the first stored type it was seen with.
     */
    public Map<String, PropertyType> properties() {
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        properties.put(TIMESTAMP_PATH, PropertyType.DATETIME);
        properties.put(CREATED_AT_PATH, PropertyType.DATETIME);
        properties.put(ID_PATH, PropertyType.STRING);
        for (EventColumn column : columns) {
            PropertyType known = properties.get(column.path());
            if (known == null || (known == PropertyType.NULL && column.type() != PropertyType.NULL)) {
                properties.put(column.path(), column.type());
            }
        }
        return properties;
    }

    /** The next free property column name. */
    String nextColumnName(int offset) {
        int highest = 0;
        for (EventColumn column : columns) {
            if (column.column() != null) {
                highest = Math.max(highest, Integer.parseInt(column.column().substring(PROPERTY_COLUMN_PREFIX.length())));
            }
        }
        return PROPERTY_COLUMN_PREFIX + (highest + 1 + offset);
    }

    CollectionSchema withColumns(List<EventColumn> added) {
        List<EventColumn> all = new ArrayList<>(columns);
        all.addAll(added);
        return new CollectionSchema(name, table, createdAt, all);
    }

    CollectionSchema withoutPath(String path) {
        return new CollectionSchema(name, table, createdAt,
                columns.stream().filter(column -> !column.path().equals(path)).toList());
    }
}
