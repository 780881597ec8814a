package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ColumnType;
import io.cairn.core.model.Interval;
import io.cairn.core.storage.SqlDialect;
import java.time.ZoneId;
import java.util.Locale;

/** DuckDB's spelling of the core's SQL. */
public final class DuckDbDialect implements SqlDialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

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
    public String timeBucket(Interval interval, String timestamp, ZoneId zone) {
        // Timestamps are stored as UTC TIMESTAMP; AT TIME ZONE 'UTC' makes them instants so that time_bucket can
        // align buckets to the zone's wall clock (ICU), DST included. The default origin is a Monday.
        String width = "INTERVAL '" + interval.count() + " " + interval.unit().name().toLowerCase(Locale.ROOT) + "'";
        return "time_bucket(" + width + ", (" + timestamp + ") AT TIME ZONE 'UTC', " + quoteString(zone.getId()) + ")";
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
