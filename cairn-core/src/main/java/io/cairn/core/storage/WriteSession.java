package io.cairn.core.storage;

import java.util.List;

/** The writer's connection inside a transaction, valid only inside the unit it was handed to. */
public interface WriteSession extends ReadSession {

    /** Runs one statement and returns the number of rows it changed (0 for DDL). */
    long execute(String sql, List<?> parameters);

    /**
     * Appends rows to a table. The rows are loaded in bulk, together with the rows other units of the same commit
     * append to the same table, before the transaction commits and before any later statement of this session runs.
     * Columns of the table that the batch does not name get NULL. A load failure fails the commit, which the writer
     * then retries unit by unit.
     */
    void append(String table, RowBatch rows);
}
