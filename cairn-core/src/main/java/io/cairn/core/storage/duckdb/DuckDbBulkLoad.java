package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionBuilder;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * Loads {@link RowBatch}es into a table, once per table and commit.
 *
 * <p>Large loads do not use DuckDB's appender: it flushes every 2,048 rows, and each flush runs a whole insert, so
 * its fixed cost dominates. Here the commit's batches for the table are joined into one ({@link RowBatch#concat}),
 * staged in memory under an id, and a Java table function, {@code cairn_rows(id)}, streams it to DuckDB in vectors,
 * so that one insert (one pipeline) loads every row the commit appends to the table. Column data crosses into DuckDB
 * one vector at a time, strings included.
 */
final class DuckDbBulkLoad {

    static final String FUNCTION = "cairn_rows";

    /** Rows waiting for the insert that reads them; keyed by a process-wide id. */
    private static final Map<Long, RowBatch> STAGED = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /** Where the scan is in the batch. Touched by DuckDB's one scan thread only. */
    private static final class Cursor {
        int row;
    }

    private DuckDbBulkLoad() {}

    /** Registers {@code cairn_rows} on a connection (once per database; the writer's connection). */
    static void register(Connection connection) throws SQLException {
        try (DuckDBTableFunctionBuilder builder = DuckDBFunctions.tableFunction()) {
            builder.withName(FUNCTION)
                    .withParameter(DuckDBColumnType.BIGINT)
                    .withFunction(new RowsFunction())
                    .register(connection);
        }
    }

    /**
     * Below this many rows the appender is cheaper: the table-function insert has a fixed planning cost of a few
     * milliseconds, which dominates commits of a handful of single events.
     */
    static final int APPENDER_MAX_ROWS = 1024;

    /**
     * Loads every batch into {@code table}: small loads through DuckDB's appender, which needs {@code tableColumns}
     * (the table's columns in order); large ones with one {@code INSERT ... SELECT}.
     */
    static void load(DuckDBConnection connection, String table, List<RowBatch> batches,
            Supplier<List<String>> tableColumns) throws SQLException {
        RowBatch rows;
        try {
            // One large batch: per-batch costs (a JNI call per string column, a chunk each) would dominate small ones.
            rows = RowBatch.concat(batches);
        } catch (IllegalArgumentException e) {
            throw new SQLException("rows staged for " + table + ": " + e.getMessage(), e);
        }
        if (rows.size() <= APPENDER_MAX_ROWS) {
            append(connection, table, rows, tableColumns.get());
        } else {
            insert(connection, table, rows);
        }
    }

    /** Fails as loading {@code batch} would when {@code table} (whose columns are given) lacks one of its columns. */
    static void requireColumns(String table, List<String> tableColumns, RowBatch batch) throws SQLException {
        if (tableColumns.isEmpty()) {
            throw new SQLException("no table " + table);
        }
        for (RowBatch.Column column : batch.columns()) {
            if (!tableColumns.contains(column.name())) {
                throw new SQLException("table " + table + " has no column " + column.name());
            }
        }
    }

    private static void append(DuckDBConnection connection, String table, RowBatch batch,
            List<String> tableColumns) throws SQLException {
        requireColumns(table, tableColumns, batch);
        int[] source = new int[tableColumns.size()];
        for (int c = 0; c < source.length; c++) {
            source[c] = indexOf(batch, tableColumns.get(c));
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (int row = 0; row < batch.size(); row++) {
                appender.beginRow();
                for (int c = 0; c < source.length; c++) {
                    appendCell(appender, batch, source[c], row);
                }
                appender.endRow();
            }
        }
    }

    private static void appendCell(DuckDBAppender appender, RowBatch batch, int column, int row)
            throws SQLException {
        if (column < 0 || !batch.isSet(column, row)) {
            appender.appendNull();
            return;
        }
        switch (batch.columns().get(column).type()) {
            case VARCHAR, JSON -> appender.append(batch.strings(column)[row]);
            case DOUBLE -> appender.append(batch.doubles(column)[row]);
            case BIGINT -> appender.append(batch.longs(column)[row]);
            case TIMESTAMP -> appender.appendEpochMicros(batch.longs(column)[row]);
            case BOOLEAN -> appender.append(batch.booleans(column)[row]);
        }
    }

    private static int indexOf(RowBatch batch, String column) {
        for (int i = 0; i < batch.columns().size(); i++) {
            if (batch.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Inserts the batch into {@code table} with one statement. */
    static void insert(Connection connection, String table, RowBatch batch) throws SQLException {
        long id = IDS.incrementAndGet();
        STAGED.put(id, batch);
        try (Statement statement = connection.createStatement()) {
            statement.execute(insertSql(table, batch.columns(), id));
        } finally {
            STAGED.remove(id);
        }
    }

    private static String insertSql(String table, List<RowBatch.Column> columns, long id) {
        StringBuilder target = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            RowBatch.Column column = columns.get(i);
            String separator = i == 0 ? "" : ", ";
            target.append(separator).append(DuckDbDialect.INSTANCE.quoteIdentifier(column.name()));
            select.append(separator).append(switch (column.type()) {
                case TIMESTAMP -> "make_timestamp(c" + i + ")";
                case JSON -> "c" + i + "::JSON";
                default -> "c" + i;
            });
        }
        return "INSERT INTO " + DuckDbDialect.INSTANCE.quoteIdentifier(table) + " (" + target + ") SELECT " + select
                + " FROM " + FUNCTION + "(" + id + ")";
    }

    private static DuckDBColumnType vectorType(ColumnType type) {
        return switch (type) {
            case DOUBLE -> DuckDBColumnType.DOUBLE;
            case BIGINT, TIMESTAMP -> DuckDBColumnType.BIGINT;
            case BOOLEAN -> DuckDBColumnType.BOOLEAN;
            case VARCHAR, JSON -> DuckDBColumnType.VARCHAR;
        };
    }

    private static final class RowsFunction implements DuckDBTableFunction<RowBatch, Cursor, Object> {

        @Override
        public RowBatch bind(DuckDBTableFunctionBindInfo info) {
            RowBatch batch = STAGED.get(info.getParameter(0).getLong());
            if (batch == null) {
                throw new IllegalStateException(FUNCTION + " called without staged rows");
            }
            for (int i = 0; i < batch.columns().size(); i++) {
                info.addResultColumn("c" + i, vectorType(batch.columns().get(i).type()));
            }
            return batch;
        }

        @Override
        public Cursor init(DuckDBTableFunctionInitInfo info) {
            info.setMaxThreads(1);
            return new Cursor();
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            RowBatch batch = info.getBindData();
            Cursor cursor = info.getInitData();
            int count = (int) Math.min(out.capacity(), batch.size() - cursor.row);
            for (int c = 0; c < batch.columns().size(); c++) {
                write(batch, c, cursor.row, count, out.vector(c));
            }
            cursor.row += count;
            return count;
        }

        /** Copies rows {@code from..from+count} of column {@code source} into the vector. */
        private static void write(RowBatch batch, int source, int from, int count, DuckDBWritableVector vector) {
            switch (batch.columns().get(source).type()) {
                case VARCHAR, JSON -> vector.setStrings(0, Arrays.copyOfRange(batch.strings(source), from,
                        from + count));
                case DOUBLE -> {
                    double[] values = batch.doubles(source);
                    for (int r = 0; r < count; r++) {
                        if (batch.isSet(source, from + r)) {
                            vector.setDouble(r, values[from + r]);
                        } else {
                            vector.setNull(r);
                        }
                    }
                }
                case BIGINT, TIMESTAMP -> {
                    long[] values = batch.longs(source);
                    for (int r = 0; r < count; r++) {
                        if (batch.isSet(source, from + r)) {
                            vector.setLong(r, values[from + r]);
                        } else {
                            vector.setNull(r);
                        }
                    }
                }
                case BOOLEAN -> {
                    boolean[] values = batch.booleans(source);
                    for (int r = 0; r < count; r++) {
                        if (batch.isSet(source, from + r)) {
                            vector.setBoolean(r, values[from + r]);
                        } else {
                            vector.setNull(r);
                        }
                    }
                }
            }
        }
    }
}
