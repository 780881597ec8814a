package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ColumnType;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.SqlDialect;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
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
    public String bucketStartMicros(CalendarUnit unit, String timestamp, ZoneId zone, DayOfWeek weekStart,
            TimeRange span) {
        // Converting every row with ICU costs 20-30x a plain truncation, so the zone's offset is spelt out instead:
        // constant between the few daylight-saving shifts near the span, which the CASE below lists.
        List<ZoneOffsetTransition> shifts = shifts(zone, span);
        if (shifts.isEmpty()) {
            return fixedOffsetBucket(unit, timestamp, zone.getRules().getOffset(span.start()).getTotalSeconds(),
                    weekStart);
        }
        StringBuilder offset = new StringBuilder("CASE");
        for (ZoneOffsetTransition shift : shifts) {
            offset.append(" WHEN ").append(timestamp).append(" < ").append(timestampLiteral(shift.getInstant()))
                    .append(" THEN ").append(shift.getOffsetBefore().getTotalSeconds());
        }
        offset.append(" ELSE ").append(shifts.getLast().getOffsetAfter().getTotalSeconds()).append(" END");
        String local = "(" + timestamp + " + to_seconds(" + offset + "))";
        if (unit == CalendarUnit.MINUTE || unit == CalendarUnit.HOUR) {
            // Step back by how far the local clock is into its minute or hour: unlike converting a truncated local
            // time back to an instant, this stays right in the repeated hour when clocks fall back.
            String truncated = "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
            return "(epoch_us(" + timestamp + ") - (epoch_us(" + local + ") - epoch_us(" + truncated + ")))";
        }
        return "epoch_us(" + instantOfLocal(localStart(unit, local, weekStart), shifts) + ")";
    }

    /** The zone's offset changes from a year before the span (a year bucket may start that early) to its end. */
    private static List<ZoneOffsetTransition> shifts(ZoneId zone, TimeRange span) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> shifts = new ArrayList<>();
        Instant until = span.end().plus(Duration.ofDays(1));
        for (ZoneOffsetTransition shift = rules.nextTransition(span.start().minus(Duration.ofDays(367)));
                shift != null && shift.getInstant().isBefore(until); shift = rules.nextTransition(shift.getInstant())) {
            shifts.add(shift);
        }
        return shifts;
    }

    /**
     * The instant at which the wall clock reads {@code local}, as {@link java.time.LocalDateTime#atZone} picks it:
     * the earlier offset in a repeated hour, and the end of the gap for a time the clock skipped.
     */
    private String instantOfLocal(String local, List<ZoneOffsetTransition> shifts) {
        StringBuilder instant = new StringBuilder("CASE");
        for (ZoneOffsetTransition shift : shifts) {
            int before = shift.getOffsetBefore().getTotalSeconds();
            instant.append(" WHEN ").append(local).append(" < ")
                    .append(timestampLiteral(shift.getInstant().plusSeconds(before)))
                    .append(" THEN ").append(local).append(" - to_seconds(").append(before).append(')');
            if (shift.isGap()) {
                instant.append(" WHEN ").append(local).append(" < ")
                        .append(timestampLiteral(shift.getInstant().plusSeconds(shift.getOffsetAfter()
                                .getTotalSeconds())))
                        .append(" THEN ").append(timestampLiteral(shift.getInstant()));
            }
        }
        return instant.append(" ELSE ").append(local).append(" - to_seconds(")
                .append(shifts.getLast().getOffsetAfter().getTotalSeconds()).append(") END").toString();
    }

    /** The local start of the day, week, month or year holding the local time {@code local}. */
    private static String localStart(CalendarUnit unit, String local, DayOfWeek weekStart) {
        return unit == CalendarUnit.WEEK
                ? "(date_trunc('day', " + local + ") - to_days(CAST((dayofweek(" + local + ") - "
                        + (weekStart.getValue() % 7) + " + 7) % 7 AS INTEGER)))"
                : "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
    }

    /** A zone without daylight saving in the span: shift into local time, truncate, shift back. */
    private static String fixedOffsetBucket(CalendarUnit unit, String timestamp, int offsetSeconds,
            DayOfWeek weekStart) {
        String local = offsetSeconds == 0 ? timestamp : "(" + timestamp + " + to_seconds(" + offsetSeconds + "))";
        String start = localStart(unit, local, weekStart);
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
        return "encode(CAST(to_json([" + String.join(", ", expressions) + "]) AS VARCHAR))";
    }

    @Override
    public String quantile(String expression, double q) {
        return "quantile_cont(" + expression + ", " + String.format(Locale.ROOT, "%.10f", q) + ")";
    }

    @Override
    public String valueAtMin(String value, String order) {
        return "arg_min(" + value + ", " + order + ")";
    }

    @Override
    public String valueAtMax(String value, String order) {
        return "arg_max(" + value + ", " + order + ")";
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

    /** DuckDB keeps insertion order in plain scans unless {@code preserve_insertion_order} is off (Cairn never does). */
    @Override
    public String insertionOrder() {
        return "rowid";
    }
}
