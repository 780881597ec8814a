package io.cairn.core.storage;

import io.cairn.core.model.ColumnType;
import io.cairn.core.model.Interval;
import java.time.ZoneId;

/**
 * How the engine spells the SQL the core builds: quoting, time bucketing, distinct counts. Services build SQL only
 * through this object, so a second engine brings its own dialect and the services stay as they are.
 *
 * <p>Stateless and thread-safe. Methods return SQL fragments; they never execute anything.
 */
public interface SqlDialect {

    /** {@code name} as a quoted identifier, safe for any characters including quotes. */
    String quoteIdentifier(String name);

    /** {@code value} as a quoted string literal, safe for any characters including quotes. */
    String quoteString(String value);

    /**
     * An expression for the start of the bucket of width {@code interval} that contains the instant {@code
     * timestamp} (an expression of the engine's timestamp type, in UTC). Buckets of a day and longer start at
     * midnight in {@code zone}, daylight-saving shifts included; weeks start on Monday. The expression's value is an
     * instant.
     */
    String timeBucket(Interval interval, String timestamp, ZoneId zone);

    /** The engine's name for a column type, for DDL. */
    String typeName(ColumnType type);

    /** An exact count of the distinct non-null values of {@code expression}. */
    String countDistinct(String expression);

    /** An approximate count of distinct values, for when a small error buys speed. */
    String approximateCountDistinct(String expression);
}
