package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * its fixed cost dominates. Here the batches are staged in memory under an id and a Java table function, {@code cairn_rows(id)},
 * streams them to DuckDB in vectors, so that one insert (one pipeline) loads every row the commit appends to a table.
 * Column data crosses into DuckDB one vector at a time, strings included.
 */
final class DuckDbBulkLoad {

    static final String FUNCTION = "cairn_rows";

    /** Rows waiting for the insert that reads them; keyed by a process-wide id. */
    private static final Map<Long, Staged> STAGED = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /** Batches for one table under their union of columns; a batch lacking a column gives NULLs there. */
    private record Staged(List<RowBatch.Column> columns, List<RowBatch> batches) {}

    /** Where the scan is: which batch, which row in it. Touched by DuckDB's one scan thread only. */
    private static final class Cursor {
        int batch;
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
        int rows = batches.stream().mapToInt(RowBatch::size).sum();
        if (rows <= APPENDER_MAX_ROWS) {
            append(connection, table, batches, tableColumns.get());
        } else {
            insert(connection, table, batches);
        }
    }

    private static void append(DuckDBConnection connection, String table, List<RowBatch> batches,
            List<String> tableColumns) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (RowBatch batch : batches) {
                for (RowBatch.Column column : batch.columns()) {
                    if (!tableColumns.contains(column.name())) {
                        throw new SQLException("table " + table + " has no column " + column.name());
                    }
                }
                int[] source = new int[tableColumns.size()];
                for (int c = 0; c < source.length; c++) {
                    source[c] = indexOf(batch, tableColumns.get(c));
                }
                for (int row = 0; row < batch.size(); row++) {
                    appender.beginRow();
                    for (int c = 0; c < source.length; c++) {
                        appendCell(appender, batch, source[c], row);
                    }
                    appender.endRow();
                }
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

    /** Inserts every batch into {@code table} with one statement. */
    static void insert(Connection connection, String table, List<RowBatch> batches) throws SQLException {
        Map<String, RowBatch.Column> union = new LinkedHashMap<>();
        for (RowBatch batch : batches) {
            for (RowBatch.Column column : batch.columns()) {
                RowBatch.Column known = union.putIfAbsent(column.name(), column);
                if (known != null && known.type() != column.type()) {
                    throw new SQLException("column " + column.name() + " of " + table + " staged as both "
                            + known.type() + " and " + column.type());
                }
            }
        }
        List<RowBatch.Column> columns = new ArrayList<>(union.values());
        long id = IDS.incrementAndGet();
        STAGED.put(id, new Staged(columns, batches));
        try (Statement statement = connection.createStatement()) {
            statement.execute(insertSql(table, columns, id));
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

    private static final class RowsFunction implements DuckDBTableFunction<Staged, Cursor, Object> {

        @Override
        public Staged bind(DuckDBTableFunctionBindInfo info) {
            Staged staged = STAGED.get(info.getParameter(0).getLong());
            if (staged == null) {
                throw new IllegalStateException(FUNCTION + " called without staged rows");
            }
            for (int i = 0; i < staged.columns().size(); i++) {
                info.addResultColumn("c" + i, vectorType(staged.columns().get(i).type()));
            }
            return staged;
        }

        @Override
        public Cursor init(DuckDBTableFunctionInitInfo info) {
            info.setMaxThreads(1);
            return new Cursor();
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
            Staged staged = info.getBindData();
            Cursor cursor = info.getInitData();
            while (cursor.batch < staged.batches().size()
                    && cursor.row >= staged.batches().get(cursor.batch).size()) {
                cursor.batch++;
                cursor.row = 0;
            }
            if (cursor.batch >= staged.batches().size()) {
                return 0;
            }
            RowBatch batch = staged.batches().get(cursor.batch);
            int from = cursor.row;
            int count = (int) Math.min(out.capacity(), batch.size() - from);
            for (int c = 0; c < staged.columns().size(); c++) {
                write(staged.columns().get(c), batch, from, count, out.vector(c));
            }
            cursor.row += count;
            return count;
        }

        private static void write(RowBatch.Column column, RowBatch batch, int from, int count,
                DuckDBWritableVector vector) {
            int source = batch.columns().indexOf(column);
            if (source < 0) {
                for (int r = 0; r < count; r++) {
                    vector.setNull(r);
                }
                return;
            }
            switch (column.type()) {
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
