package io.cairn.core.analysis;

import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Oracle}'s calendar: Keen's relative timeframes and interval buckets (docs/keen.md, "Time" and
 * "Analyses") worked out the plain way, sharing nothing with the model's {@code CalendarMath} and {@code BucketGrid}.
 * Sub-day buckets are found by walking the wall clock minute by minute, so the zones used with them must have
 * offsets in whole minutes.
 */
final class OracleCalendar {

    private static final Pattern RELATIVE = Pattern.compile("(this|previous)_(\\d+)_([a-z]+?)s?");
    private static final Pattern EVERY = Pattern.compile("every_(\\d+)_([a-z]+?)s?");
    private static final Map<String, String> SHORTHANDS = Map.of("today", "this_1_day", "yesterday",
            "previous_1_day");
    private static final Map<String, CalendarUnit> INTERVALS = Map.of("minutely", CalendarUnit.MINUTE, "hourly",
            CalendarUnit.HOUR, "daily", CalendarUnit.DAY, "weekly", CalendarUnit.WEEK, "monthly", CalendarUnit.MONTH,
            "yearly", CalendarUnit.YEAR);

    private OracleCalendar() {}

    /** A Keen {@code timezone}: whole seconds east of UTC (a fixed offset), or an IANA name; null is UTC. */
    static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneOffset.UTC;
        }
        if (timezone.matches("[+-]?\\d+")) {
            return ZoneOffset.ofTotalSeconds(Integer.parseInt(timezone));
        }
        return ZoneId.of(timezone);
    }

    /**
     * A relative timeframe ({@code this_3_days}, {@code previous_week}, {@code today}...) at {@code now}: "this"
     * runs from the start of the unit N-1 units back to now (to the end of the current unit when that start is now
     * itself), "previous" covers the N whole units before the current one. Weeks start on Sunday.
     */
    static TimeRange resolve(String relative, Instant now, ZoneId zone) {
        String text = SHORTHANDS.getOrDefault(relative, relative);
        if (text.matches("(this|previous)_[a-z]+")) {
            text = text.replace("_", "_1_");
        }
        Matcher m = RELATIVE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a relative timeframe: " + relative);
        }
        int count = Integer.parseInt(m.group(2));
        CalendarUnit unit = CalendarUnit.valueOf(m.group(3).toUpperCase(Locale.ROOT));
        Instant current = unitStart(now, unit, zone);
        if (m.group(1).equals("previous")) {
            return TimeRange.of(move(current, -count, unit, zone), current);
        }
        Instant start = move(current, 1 - count, unit, zone);
        return TimeRange.of(start, start.equals(now) ? move(current, 1, unit, zone) : now);
    }

    /** Where the unit holding {@code at} starts on the local calendar. */
    private static Instant unitStart(Instant at, CalendarUnit unit, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        return switch (unit) {
            // Step back by the reading of the local clock, which stays in the same pass of a repeated hour.
            case MINUTE -> at.minusSeconds(local.getSecond()).minusNanos(local.getNano());
            case HOUR -> at.minusSeconds(local.getMinute() * 60L + local.getSecond()).minusNanos(local.getNano());
            case DAY -> date.atStartOfDay(zone).toInstant();
            case WEEK -> date.minusDays(local.getDayOfWeek().getValue() % 7).atStartOfDay(zone).toInstant();
            case MONTH -> date.withDayOfMonth(1).atStartOfDay(zone).toInstant();
            case YEAR -> date.withDayOfYear(1).atStartOfDay(zone).toInstant();
        };
    }

    /** A unit start moved by whole units: minutes and hours as durations, longer units as local dates. */
    private static Instant move(Instant start, long units, CalendarUnit unit, ZoneId zone) {
        return switch (unit) {
            case MINUTE -> start.plusSeconds(60 * units);
            case HOUR -> start.plusSeconds(3600 * units);
            default -> start.atZone(zone).toLocalDate().plus(units, dateUnit(unit)).atStartOfDay(zone).toInstant();
        };
    }

    /** {@code daily}, {@code every_6_hours}...: the count and the unit. */
    static Map.Entry<Integer, CalendarUnit> interval(String interval) {
        CalendarUnit named = INTERVALS.get(interval);
        if (named != null) {
            return Map.entry(1, named);
        }
        Matcher m = EVERY.matcher(interval);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an interval: " + interval);
        }
        return Map.entry(Integer.parseInt(m.group(1)), CalendarUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
    }

    /**
     * The buckets of {@code range}: the first starts at the last boundary at or before the range start, the last
     * ends at the range end. Boundaries repeat every {@code count} units from an anchor: local midnight of the
     * start's day for minutes and hours, January 1 for months, the start of the enclosing unit otherwise.
     */
    static List<TimeRange> buckets(TimeRange range, int count, CalendarUnit unit, ZoneId zone) {
        List<Instant> boundaries = unit == CalendarUnit.MINUTE || unit == CalendarUnit.HOUR
                ? wallClockBoundaries(range, (unit == CalendarUnit.MINUTE ? 60L : 3600L) * count, zone)
                : dateBoundaries(range, count, unit, zone);
        List<TimeRange> buckets = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            Instant start = boundaries.get(i);
            Instant next = i + 1 < boundaries.size() ? boundaries.get(i + 1) : range.end();
            if (!next.isAfter(range.start()) || !start.isBefore(range.end())) {
                continue;
            }
            buckets.add(TimeRange.of(start, next.isBefore(range.end()) ? next : range.end()));
        }
        return buckets;
    }

    private static List<Instant> dateBoundaries(TimeRange range, int count, CalendarUnit unit, ZoneId zone) {
        LocalDate first = range.start().atZone(zone).toLocalDate();
        LocalDate anchor = switch (unit) {
            case DAY -> first;
            case WEEK -> first.minusDays(first.getDayOfWeek().getValue() % 7);
            case MONTH, YEAR -> first.withDayOfYear(1);
            default -> throw new IllegalArgumentException(unit.name());
        };
        List<Instant> boundaries = new ArrayList<>();
        for (long k = 0; ; k += count) {
            Instant boundary = anchor.plus(k, dateUnit(unit)).atStartOfDay(zone).toInstant();
            if (!boundary.isBefore(range.end())) {
                return boundaries;
            }
            boundaries.add(boundary);
        }
    }

    /**
     * Every minute from local midnight of the start's day: a boundary where the local clock reads midnight plus a
     * whole number of steps (both passes through a repeated hour), or where it jumps over such a reading.
     */
    private static List<Instant> wallClockBoundaries(TimeRange range, long step, ZoneId zone) {
        LocalDate day = range.start().atZone(zone).toLocalDate();
        long origin = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        List<Instant> boundaries = new ArrayList<>();
        Instant t = day.atStartOfDay(zone).toInstant();
        long previous = Long.MIN_VALUE;
        for (; t.isBefore(range.end()); t = t.plus(1, ChronoUnit.MINUTES)) {
            long reading = LocalDateTime.ofInstant(t, zone).toEpochSecond(ZoneOffset.UTC) - origin;
            boolean onStep = Math.floorMod(reading, step) == 0;
            boolean jumpedOverStep = previous != Long.MIN_VALUE && reading > previous + 60
                    && Math.floorDiv(reading, step) > Math.floorDiv(previous, step);
            if (onStep || jumpedOverStep) {
                boundaries.add(t);
            }
            previous = reading;
        }
        return boundaries;
    }

    private static ChronoUnit dateUnit(CalendarUnit unit) {
        return switch (unit) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
            case YEAR -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException(unit.name());
        };
    }
}
