package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ColumnType;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.storage.SqlDialect;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** DuckDB's spelling of the core's SQL. */
public final class DuckDbDialect implements SqlDialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private DuckDbDialect() {}

    @Override
    public String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String quoteString(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    @Override
    public String bucketStartMicros(CalendarUnit unit, String timestamp, ZoneId zone, DayOfWeek weekStart) {
        if (zone instanceof ZoneOffset offset) {
            return fixedOffsetBucket(unit, timestamp, offset.getTotalSeconds(), weekStart);
        }
        String tz = quoteString(zoneName(zone));
        String local = "timezone(" + tz + ", " + timestamp + " AT TIME ZONE 'UTC')";
        if (unit == CalendarUnit.MINUTE || unit == CalendarUnit.HOUR) {
            // Step back by how far the local clock is into its minute or hour: unlike converting a truncated local
            // time back to an instant, this stays right in the repeated hour when clocks fall back.
            String truncated = "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
            return "(epoch_us(" + timestamp + ") - (epoch_us(" + local + ") - epoch_us(" + truncated + ")))";
        }
        String localStart = unit == CalendarUnit.WEEK
                ? "(date_trunc('day', " + local + ") - to_days(CAST((dayofweek(" + local + ") - "
                        + (weekStart.getValue() % 7) + " + 7) % 7 AS INTEGER)))"
                : "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
        return "epoch_us(timezone(" + tz + ", " + localStart + "))";
    }

    /**
     * A zone without daylight saving needs no time-zone conversion (which costs much more per row): shift into
     * local time, truncate, shift back.
     */
    private static String fixedOffsetBucket(CalendarUnit unit, String timestamp, int offsetSeconds,
            DayOfWeek weekStart) {
        String local = offsetSeconds == 0 ? timestamp : "(" + timestamp + " + to_seconds(" + offsetSeconds + "))";
        String start = unit == CalendarUnit.WEEK
                ? "(date_trunc('day', " + local + ") - to_days(CAST((dayofweek(" + local + ") - "
                        + (weekStart.getValue() % 7) + " + 7) % 7 AS INTEGER)))"
                : "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
        return offsetSeconds == 0 ? "epoch_us(" + start + ")"
                : "(epoch_us(" + start + ") - (" + offsetSeconds * 1_000_000L + "))";
    }

    @Override
    public String epochMicros(String timestamp) {
        return "epoch_us(" + timestamp + ")";
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "TIMESTAMP '" + LITERAL.format(instant) + "'";
    }

    @Override
    public String formatTimestamp(String timestamp) {
        return "strftime(" + timestamp + ", '%Y-%m-%dT%H:%M:%S.%gZ')";
    }

    @Override
    public String textsAsJsonArray(List<String> expressions) {
        return "CAST(to_json([" + String.join(", ", expressions) + "]) AS VARCHAR)";
    }

    @Override
    public String quantile(String expression, double q) {
        return "quantile_cont(" + expression + ", " + String.format(Locale.ROOT, "%.10f", q) + ")";
    }

    @Override
    public String standardDeviation(String expression) {
        return "stddev_pop(" + expression + ")";
    }

    @Override
    public String distinctValuesJson(String expression) {
        return "CAST(to_json(coalesce(list_sort(list(DISTINCT " + expression + ") FILTER (WHERE " + expression
                + " IS NOT NULL)), [])) AS VARCHAR)";
    }

    /** ICU knows region names and {@code UTC}, not Java's {@code Z} or bare offsets. */
    static String zoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "GMT" + offset.getId();
        }
        return zone.getId();
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type) {
            case VARCHAR -> "VARCHAR";
            case DOUBLE -> "DOUBLE";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case JSON -> "JSON";
        };
    }

    @Override
    public String countDistinct(String expression) {
        return "count(DISTINCT " + expression + ")";
    }

    @Override
    public String approximateCountDistinct(String expression) {
        return "approx_count_distinct(" + expression + ")";
    }
}
