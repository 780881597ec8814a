package io.cairn.core.event;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns one collection's valid events into a column batch for its table. */
final class EventRows {

    private static final int TYPES = PropertyType.values().length;

    private EventRows() {}

    /**
     * @param receivedMicros the receive time: {@code keen.created_at}, and {@code keen.timestamp} when the client
     *                       gave none
     */
    static RowBatch build(CollectionSchema schema, List<FlatEvent> events, long receivedMicros) {
        List<RowBatch.Column> columns = new ArrayList<>(List.of(
                new RowBatch.Column(CollectionSchema.TIMESTAMP_COLUMN, ColumnType.TIMESTAMP),
                new RowBatch.Column(CollectionSchema.CREATED_AT_COLUMN, ColumnType.TIMESTAMP),
                new RowBatch.Column(CollectionSchema.ID_COLUMN, ColumnType.VARCHAR)));
        // Batch column of each (path, type), by path then type ordinal; -1 until resolved. Events of one batch share
        // their path Strings (see EventParser), so this map is hit with cached hashes.
        Map<String, int[]> slots = new HashMap<>();
        Map<String, Integer> byColumnName = new HashMap<>();
        // Per event, the batch column of each entry (-1: not stored); shared by consecutive events of one shape.
        int[][] entryColumns = new int[events.size()][];
        FlatEvent previous = null;
        for (int e = 0; e < events.size(); e++) {
            FlatEvent event = events.get(e);
            if (event.sameShape(previous)) {
                entryColumns[e] = entryColumns[e - 1];
                continue;
            }
            previous = event;
            int[] entries = new int[event.size()];
            for (int i = 0; i < event.size(); i++) {
                PropertyType type = event.type(i);
                entries[i] = -1;
                if (!type.isStored()) {
                    continue;
                }
                int[] slot = slots.computeIfAbsent(event.path(i), p -> newSlots());
                if (slot[type.ordinal()] < 0) {
                    String path = event.path(i);
                    EventColumn column = schema.column(path, type).orElseThrow(() ->
                            new IllegalStateException("schema has no column for " + path));
                    slot[type.ordinal()] = byColumnName.computeIfAbsent(column.column(), name -> {
                        columns.add(new RowBatch.Column(name, type.columnType()));
                        return columns.size() - 1;
                    });
                }
                entries[i] = slot[type.ordinal()];
            }
            entryColumns[e] = entries;
        }
        long receivedSecond = Math.floorDiv(receivedMicros, 1_000_000);
        RowBatch.Builder rows = RowBatch.builder(columns, events.size());
        for (int e = 0; e < events.size(); e++) {
            FlatEvent event = events.get(e);
            int[] entries = entryColumns[e];
            long timestamp = event.timestampMicros() == FlatEvent.NO_TIMESTAMP ? receivedMicros : event.timestampMicros();
            rows.setLong(0, timestamp).setLong(1, receivedMicros).setString(2, EventIds.next(receivedSecond));
            for (int i = 0; i < event.size(); i++) {
                int column = entries[i];
                switch (event.type(i)) {
                    case STRING, LIST -> rows.setString(column, event.text(i));
                    case NUMBER -> rows.setDouble(column, event.number(i));
                    case BOOLEAN -> rows.setBoolean(column, event.bool(i));
                    case DATETIME -> rows.setLong(column, event.micros(i));
                    case NULL -> { }
                }
            }
            rows.endRow();
        }
        return rows.build();
    }

    private static int[] newSlots() {
        int[] slots = new int[TYPES];
        Arrays.fill(slots, -1);
        return slots;
    }
}
