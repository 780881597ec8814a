package io.cairn.core.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SQL reads on one connection, valid only inside the unit it was handed to. SQL is built with the engine's {@link
 * SqlDialect}; values are bound as parameters ({@code ?}), never spliced into the text.
 */
public interface ReadSession {

    /** Runs a query and maps every row. */
    <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper);

    /**
     * Runs a query and hands each row to {@code consumer} as it arrives, without holding the whole result: for
     * results that can be large (extractions, exports). The row is valid only during the call.
     */
    void forEach(String sql, List<?> parameters, Consumer<Row> consumer);

    /** Runs a query expected to return at most one row. */
    default <T> Optional<T> queryOne(String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> rows = query(sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Maps one row of a result. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row);
    }
}
