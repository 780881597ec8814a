package io.cairn.core.storage;

import io.cairn.core.model.ColumnType;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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
     * The start, in microseconds since the epoch, of the one-{@code unit} calendar bucket holding {@code timestamp}
     * (a UTC timestamp expression): minutes, hours, days, weeks (starting on {@code weekStart}), months and years
     * of the wall clock in {@code zone}, daylight-saving changes included (the repeated hour of a fall-back day is
     * its own bucket). The expression holds for timestamps within {@code span}, which lets it spell out the few
     * offset changes there instead of converting every row.
     */
    String bucketStartMicros(CalendarUnit unit, String timestamp, ZoneId zone, DayOfWeek weekStart, TimeRange span);

    /** Microseconds since the epoch of a UTC timestamp expression. */
    String epochMicros(String timestamp);

    /** A timestamp literal for an instant, in the engine's UTC timestamp type. */
    String timestampLiteral(Instant instant);

    /** A UTC timestamp as wire text: {@code 2024-01-02T03:04:05.000Z}. */
    String formatTimestamp(String timestamp);

    /**
     * Text expressions as one JSON array of strings (NULL as {@code null}) in UTF-8 bytes: one value to fetch where a
     * row would otherwise bring many strings, each of which costs the driver far more than its characters do (and
     * bytes cost it less than text).
     */
    String textsAsJsonArray(List<String> expressions);

    /** The continuous quantile {@code q} (0 to 1) of a numeric expression, interpolating between ranks. */
    String quantile(String expression, double q);

    /** The value of {@code value} in the row where {@code order} is smallest (an aggregate). */
    String valueAtMin(String value, String order);

    /** The value of {@code value} in the row where {@code order} is largest (an aggregate). */
    String valueAtMax(String value, String order);

    /** The population standard deviation of a numeric expression. */
    String standardDeviation(String expression);

    /** The sorted distinct non-null values of an expression, as JSON array text. */
    String distinctValuesJson(String expression);

    /** The engine's name for a column type, for DDL. */
    String typeName(ColumnType type);

    /** An exact count of the distinct non-null values of {@code expression}. */
    String countDistinct(String expression);

    /** An approximate count of distinct values, for when a small error buys speed. */
    String approximateCountDistinct(String expression);

    /**
     * An expression that orders a table's rows as they were inserted. A query with no ORDER BY that only scans,
     * filters and projects one table must also return its rows in that order.
     */
    String insertionOrder();
}
