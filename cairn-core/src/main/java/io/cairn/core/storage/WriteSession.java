package io.cairn.core.storage;

import java.util.List;

/** The writer's connection inside a transaction, valid only inside the unit it was handed to. */
public interface WriteSession extends ReadSession {

    /** Runs one statement and returns the number of rows it changed (0 for DDL). */
    long execute(String sql, List<?> parameters);
}
