package io.cairn.core.storage.duckdb;

import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.WriteSession;
import org.duckdb.DuckDBConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link WriteSession} (and so a {@link ReadSession}) over one DuckDB connection, whose prepared statements are
 * reused across sessions ({@link DuckDbStatements}).
 */
final class DuckDbSession implements WriteSession {

    private final DuckDbStatements statements;
    private final Connection connection;
    /** Rows appended but not loaded yet, per table, in append order. Touched by the session's one thread only. */
    private final Map<String, List<RowBatch>> pendingAppends = new LinkedHashMap<>();
    /** Column names of tables in order, for the appender; forgotten after any statement, which may be DDL. */
    private final Map<String, List<String>> tableColumns = new HashMap<>();

    DuckDbSession(DuckDbStatements statements) {
        this.statements = statements;
        this.connection = statements.connection();
    }

    @Override
    public void append(String table, RowBatch rows) {
        if (rows.size() > 0) {
            pendingAppends.computeIfAbsent(table, t -> new ArrayList<>()).add(rows);
        }
    }

    /**
     * Fails as loading {@code rows} into {@code table} would for want of the table or of a column: the writer checks
     * appends it acknowledges before loading them.
     */
    void checkAppendable(String table, RowBatch rows) {
        try {
            DuckDbBulkLoad.requireColumns(table, columnsOf(table), rows);
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, "appending");
        }
    }

    /** Loads every pending append: before the next statement, and before commit. */
    void flushAppends() throws SQLException {
        if (pendingAppends.isEmpty()) {
            return;
        }
        try {
            for (Map.Entry<String, List<RowBatch>> table : pendingAppends.entrySet()) {
                String name = table.getKey();
                DuckDbBulkLoad.load(connection.unwrap(DuckDBConnection.class), name, table.getValue(),
                        () -> columnsOf(name));
            }
        } finally {
            pendingAppends.clear();
        }
    }

    private List<String> columnsOf(String table) {
        return tableColumns.computeIfAbsent(table, t -> runKept("SELECT column_name FROM duckdb_columns()"
                + " WHERE schema_name = current_schema() AND table_name = ? ORDER BY column_index", List.of(t),
                "reading the columns of " + t, statement -> {
                    List<String> names = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            names.add(rs.getString(1));
                        }
                    }
                    return names;
                }));
    }

    /** Forgets pending appends of a transaction being rolled back. */
    void discardAppends() {
        pendingAppends.clear();
    }

    @Override
    public <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) {
        return run(sql, parameters, "reading", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                Row row = new DuckDbRow(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            }
        });
    }

    @Override
    public void forEach(String sql, List<?> parameters, Consumer<Row> consumer) {
        run(sql, parameters, "reading", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                Row row = new DuckDbRow(rs);
                while (rs.next()) {
                    consumer.accept(row);
                }
                return null;
            }
        });
    }

    @Override
    public long execute(String sql, List<?> parameters) {
        return run(sql, parameters, "writing", statement -> {
            statement.execute();
            return Math.max(0, statement.getLargeUpdateCount());
        });
    }

    private void flushBeforeStatement() {
        tableColumns.clear();
        try {
            flushAppends();
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, "loading appended rows");
        }
    }

    private interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code sql} after loading what was appended before it. */
    private <T> T run(String sql, List<?> parameters, String doing, StatementWork<T> work) {
        flushBeforeStatement();
        return runKept(sql, parameters, doing, work);
    }

    /** Runs {@code sql} with its parameters bound, on a kept statement when the connection has one. */
    private <T> T runKept(String sql, List<?> parameters, String doing, StatementWork<T> work) {
        PreparedStatement statement = null;
        try {
            statement = statements.take(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, toJdbc(parameters.get(i)));
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, doing);
        } finally {
            if (statement != null) {
                statements.giveBack(sql, statement);
            }
        }
    }

    /** Instants are stored as UTC {@code TIMESTAMP}s; everything else binds as is. */
    private static Object toJdbc(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }

    private record DuckDbRow(ResultSet rs) implements Row {

        @Override
        public String string(int column) {
            return get(() -> rs.getString(column));
        }

        @Override
        public Long longValue(int column) {
            return get(() -> {
                long value = rs.getLong(column);
                return rs.wasNull() ? null : value;
            });
        }

        @Override
        public Double doubleValue(int column) {
            return get(() -> {
                double value = rs.getDouble(column);
                return rs.wasNull() ? null : value;
            });
        }

        @Override
        public Boolean booleanValue(int column) {
            return get(() -> {
                boolean value = rs.getBoolean(column);
                return rs.wasNull() ? null : value;
            });
        }

        @Override
        public Instant instant(int column) {
            return get(() -> {
                LocalDateTime value = rs.getObject(column, LocalDateTime.class);
                return value == null ? null : value.toInstant(ZoneOffset.UTC);
            });
        }

        @Override
        public byte[] bytes(int column) {
            return get(() -> rs.getBytes(column));
        }

        @Override
        public Object object(int column) {
            return get(() -> rs.getObject(column));
        }

        private interface Getter<T> {
            T get() throws SQLException;
        }

        private static <T> T get(Getter<T> getter) {
            try {
                return getter.get();
            } catch (SQLException e) {
                throw DuckDbErrors.translate(e, "reading a row");
            }
        }
    }
}
