package io.cairn.core.analysis;

import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.TimeRange;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Which bucket an event falls in, in SQL. One-unit intervals truncate the event's local wall-clock time in the
 * query's zone, which is exactly where {@code Interval.buckets} puts one-unit boundaries (weeks start on the given
 * day). Multi-unit intervals join the events, as of their timestamp, with the bucket starts computed in Java.
 */
final class Buckets {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private Buckets() {}

    /** The bucket start of {@code timestamp} (a UTC TIMESTAMP column) in microseconds since the epoch. */
    static String startMicros(CalendarUnit unit, String timestamp, ZoneId zone, DayOfWeek weekStart) {
        String tz = "'" + zone.getId().replace("'", "''") + "'";
        String local = "timezone(" + tz + ", " + timestamp + " AT TIME ZONE 'UTC')";
        String localStart = switch (unit) {
            case WEEK -> "(date_trunc('day', " + local + ") - to_days(CAST((dayofweek(" + local + ") - "
                    + (weekStart.getValue() % 7) + " + 7) % 7 AS INTEGER)))";
            default -> "date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + local + ")";
        };
        return "epoch_us(timezone(" + tz + ", " + localStart + "))";
    }

    /** {@code WITH bucket_starts(s) AS (VALUES ...)}: the starts as UTC TIMESTAMPs, for an ASOF join. */
    static String startsTable(List<TimeRange> buckets) {
        StringBuilder values = new StringBuilder("WITH bucket_starts(s) AS (VALUES ");
        for (int i = 0; i < buckets.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(TIMESTAMP '").append(TIMESTAMP.format(buckets.get(i).start()))
                    .append("')");
        }
        return values.append(") ").toString();
    }
}
