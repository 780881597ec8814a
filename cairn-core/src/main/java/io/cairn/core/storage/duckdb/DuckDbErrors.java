package io.cairn.core.storage.duckdb;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import java.sql.SQLException;

/**
 * Turns DuckDB's {@link SQLException}s into core exceptions, once, where they appear. DuckDB gives no SQL state;
 * its messages start with the error class ({@code Constraint Error: ...}, {@code Parser Error: ...}).
 */
final class DuckDbErrors {

    private DuckDbErrors() {}

    /** A storage failure: the message shown is generic, DuckDB's own message stays in the cause for the log. */
    static CairnException translate(SQLException e, String doing) {
        return new InternalException(ErrorCode.STORAGE_FAILURE, "storage failure while " + doing, e);
    }

    /** Whether DuckDB refused a write because of a primary-key or unique constraint. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().startsWith("Constraint Error")) {
                return true;
            }
        }
        return false;
    }
}
