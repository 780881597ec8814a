package io.cairn.core.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar arithmetic in a time zone, shared by timeframes and interval buckets so that both agree on where a unit
 * starts. Days and longer units start at local midnight and are moved as dates, never as fixed 24-hour spans, so a
 * daylight-saving day is 23 or 25 hours long. Minutes and hours start at local wall-clock truncation (in
 * Asia/Kolkata an hour starts at :30 UTC) and are moved as exact durations.
 */
final class CalendarMath {

    private CalendarMath() {}

    /** The start of the {@code unit} that contains {@code at} in {@code zone}; weeks start on {@code weekStart}. */
    static Instant unitStart(Instant at, ZoneId zone, CalendarUnit unit, DayOfWeek weekStart) {
        ZonedDateTime local = at.atZone(zone);
        return switch (unit) {
            // ZonedDateTime keeps the offset it had when it can, so 01:30 in the repeated hour of a fall-back day
            // truncates to 01:00 of the same pass through that hour.
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES).toInstant();
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY, WEEK, MONTH, YEAR -> startOfDay(firstDay(local.toLocalDate(), unit, weekStart), zone);
        };
    }

    /**
     * {@code start} (a unit start as {@link #unitStart} returns it) moved by {@code units} whole units, forwards or
     * backwards.
     *
     * @throws java.time.DateTimeException or {@link ArithmeticException} when the result leaves the supported range
     */
    static Instant shift(Instant start, long units, CalendarUnit unit, ZoneId zone) {
        return switch (unit) {
            case MINUTE -> start.plus(Math.multiplyExact(units, 60L), ChronoUnit.SECONDS);
            case HOUR -> start.plus(Math.multiplyExact(units, 3600L), ChronoUnit.SECONDS);
            case DAY, WEEK, MONTH, YEAR -> {
                LocalDate first = start.atZone(zone).toLocalDate();
                yield startOfDay(first.plus(units, dateUnit(unit)), zone);
            }
        };
    }

    /** The first day of the day-or-longer {@code unit} containing {@code date}. */
    static LocalDate firstDay(LocalDate date, CalendarUnit unit, DayOfWeek weekStart) {
        return switch (unit) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            case MINUTE, HOUR -> throw new IllegalArgumentException("not a unit of whole days: " + unit);
        };
    }

    /** The {@link ChronoUnit} that moves dates by one day-or-longer {@code unit}. */
    static ChronoUnit dateUnit(CalendarUnit unit) {
        return switch (unit) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
            case YEAR -> ChronoUnit.YEARS;
            case MINUTE, HOUR -> throw new IllegalArgumentException("not a unit of whole days: " + unit);
        };
    }

    /**
     * The first instant of {@code date} in {@code zone}: local midnight, or the end of the gap when a zone skips
     * midnight for daylight saving.
     */
    static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
