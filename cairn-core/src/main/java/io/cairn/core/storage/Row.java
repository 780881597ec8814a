package io.cairn.core.storage;

import java.time.Instant;

/**
 * One row of a result, read by 1-based column index. Getters return null for SQL NULL; timestamps are read as
 * UTC instants.
 */
public interface Row {

    String string(int column);

    Long longValue(int column);

    Double doubleValue(int column);

    Boolean booleanValue(int column);

    Instant instant(int column);

    byte[] bytes(int column);

    /** The value as the driver gives it, for generic rendering. */
    Object object(int column);
}
