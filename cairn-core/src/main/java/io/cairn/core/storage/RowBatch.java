package io.cairn.core.storage;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for one table, held column by column so that an engine can load them in bulk. Built row by row with a
 * {@link Builder}; a cell that is not set in a row is NULL. Immutable once built; safe to hand to another thread.
 */
public final class RowBatch {

    /** One column: its name in the table and the type of its values. */
    public record Column(String name, ColumnType type) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    private final List<Column> columns;
    private final Object[] values;
    private final boolean[][] present;
    private final int size;

    private RowBatch(List<Column> columns, Object[] values, boolean[][] present, int size) {
        this.columns = columns;
        this.values = values;
        this.present = present;
        this.size = size;
    }

    public static Builder builder(List<Column> columns, int expectedRows) {
        return new Builder(columns, expectedRows);
    }

    /**
     * The rows of every batch, in order, under the union of their columns (in order of first appearance); a batch
     * lacking a column gives NULLs there. Engines load one large batch far more cheaply than many small ones.
     *
     * @throws IllegalArgumentException when two batches give one column different types
     */
    public static RowBatch concat(List<RowBatch> batches) {
        if (batches.size() == 1) {
            return batches.getFirst();
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        int rows = 0;
        for (RowBatch batch : batches) {
            rows += batch.size;
            for (Column column : batch.columns) {
                Integer known = positions.putIfAbsent(column.name(), columns.size());
                if (known == null) {
                    columns.add(column);
                } else if (columns.get(known).type() != column.type()) {
                    throw new IllegalArgumentException("column " + column.name() + " is both "
                            + columns.get(known).type() + " and " + column.type());
                }
            }
        }
        Object[] values = new Object[columns.size()];
        boolean[][] present = new boolean[columns.size()][rows];
        for (int c = 0; c < values.length; c++) {
            values[c] = Builder.newArray(columns.get(c).type(), rows);
        }
        int at = 0;
        for (RowBatch batch : batches) {
            for (int source = 0; source < batch.columns.size(); source++) {
                int target = positions.get(batch.columns.get(source).name());
                System.arraycopy(batch.values[source], 0, values[target], at, batch.size);
                System.arraycopy(batch.present[source], 0, present[target], at, batch.size);
            }
            at += batch.size;
        }
        return new RowBatch(List.copyOf(columns), values, present, rows);
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return size;
    }

    /** Whether row {@code row} has a value in column {@code column} (false means NULL). */
    public boolean isSet(int column, int row) {
        return present[column][row];
    }

    /** Values of a {@code DOUBLE} column; meaningful only where {@link #isSet}. */
    public double[] doubles(int column) {
        return (double[]) values[column];
    }

    /** Values of a {@code BIGINT} column, or microseconds since the epoch of a {@code TIMESTAMP} column. */
    public long[] longs(int column) {
        return (long[]) values[column];
    }

    public boolean[] booleans(int column) {
        return (boolean[]) values[column];
    }

    /** Values of a {@code VARCHAR} or {@code JSON} column; null where not set. */
    public String[] strings(int column) {
        return (String[]) values[column];
    }

    /**
     * Adds rows one at a time: set the cells of the current row, then {@link #endRow()}. Not thread-safe; meant for
     * the one thread that builds a batch.
     */
    public static final class Builder {
        private final List<Column> columns;
        private final Object[] values;
        private final boolean[][] present;
        private int capacity;
        private int row;

        private Builder(List<Column> columns, int expectedRows) {
            this.columns = List.copyOf(columns);
            this.capacity = Math.max(16, expectedRows);
            this.values = new Object[this.columns.size()];
            this.present = new boolean[this.columns.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = newArray(this.columns.get(i).type(), capacity);
                present[i] = new boolean[capacity];
            }
        }

        public Builder setString(int column, String value) {
            ((String[]) values[column])[row] = value;
            present[column][row] = value != null;
            return this;
        }

        public Builder setDouble(int column, double value) {
            ((double[]) values[column])[row] = value;
            present[column][row] = true;
            return this;
        }

        public Builder setLong(int column, long value) {
            ((long[]) values[column])[row] = value;
            present[column][row] = true;
            return this;
        }

        public Builder setBoolean(int column, boolean value) {
            ((boolean[]) values[column])[row] = value;
            present[column][row] = true;
            return this;
        }

        public Builder endRow() {
            row++;
            if (row == capacity) {
                grow();
            }
            return this;
        }

        public int rows() {
            return row;
        }

        public RowBatch build() {
            return new RowBatch(columns, values, present, row);
        }

        private void grow() {
            capacity *= 2;
            for (int i = 0; i < values.length; i++) {
                present[i] = Arrays.copyOf(present[i], capacity);
                values[i] = switch (values[i]) {
                    case double[] a -> Arrays.copyOf(a, capacity);
                    case long[] a -> Arrays.copyOf(a, capacity);
                    case boolean[] a -> Arrays.copyOf(a, capacity);
                    case String[] a -> Arrays.copyOf(a, capacity);
                    default -> throw new IllegalStateException("unexpected column array");
                };
            }
        }

        private static Object newArray(ColumnType type, int capacity) {
            return switch (type) {
                case DOUBLE -> new double[capacity];
                case BIGINT, TIMESTAMP -> new long[capacity];
                case BOOLEAN -> new boolean[capacity];
                case VARCHAR, JSON -> new String[capacity];
            };
        }
    }
}
