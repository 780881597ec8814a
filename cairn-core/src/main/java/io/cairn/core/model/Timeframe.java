package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The span of time an analysis covers, in Keen IO's terms: either {@link Absolute} instants, or a {@link Relative}
 * count of calendar units around the time of the query ({@code this_7_days}, {@code previous_1_month}). A relative
 * timeframe means nothing until {@link #resolve resolved} against a clock reading, a time zone and a first day of
 * the week.
 *
 * <p>Every failure is an {@link InvalidRequestException} with {@link ErrorCode#INVALID_TIMEFRAME} naming the field
 * {@code timeframe}.
 */
public sealed interface Timeframe permits Timeframe.Absolute, Timeframe.Relative {

    /** Keen IO's weeks start on Sunday; pass this to {@link #resolve} for Keen's semantics. */
    DayOfWeek KEEN_WEEK_START = DayOfWeek.SUNDAY;

    /**
     * The concrete range this timeframe covers.
     *
     * @param now the clock reading the query runs at; relative timeframes count back from it
     * @param zone whose calendar decides where days, weeks, months and years (and hours) start
     * @param weekStart the first day of a week, usually {@link #KEEN_WEEK_START}
     * @return never empty: start is before end
     * @throws InvalidRequestException when the range would leave the dates java.time supports
     */
    TimeRange resolve(Instant now, ZoneId zone, DayOfWeek weekStart);

    /** Whether a relative timeframe includes the current, partial unit ({@code this}) or only whole past ones. */
    enum Anchor {
        THIS,
        PREVIOUS
    }

    /** Fixed instants {@code [start, end)}; start must be before end. */
    record Absolute(Instant start, Instant end) implements Timeframe {

        public Absolute {
            new TimeRange(start, end); // the one place that says what a valid range is
        }

        /** Itself: absolute timeframes ignore the clock, the zone and the week start. */
        @Override
        public TimeRange resolve(Instant now, ZoneId zone, DayOfWeek weekStart) {
            return new TimeRange(start, end);
        }
    }

    /**
     * {@code count} calendar units counted back from the current one.
     *
     * <ul>
     *   <li>{@code THIS}: from the start of the unit {@code count - 1} units before the current one up to {@code
     *       now}, so the current partial unit is included. When that start is {@code now} itself (count 1 and
     *       {@code now} exactly on a unit boundary) the range runs to the end of the current unit instead, so that
     *       it is never empty.
     *   <li>{@code PREVIOUS}: the {@code count} whole units before the current one, up to the start of the current
     *       unit.
     * </ul>
     *
     * <p>Units follow the calendar of the zone passed to {@link #resolve}: days start at local midnight and last 23
     * or 25 hours across daylight-saving shifts, weeks at midnight on the week-start day, months on the 1st, years on
     * January 1; minutes and hours are truncated on the local wall clock and last exactly 60 seconds and 60 minutes.
     */
    record Relative(Anchor anchor, int count, CalendarUnit unit) implements Timeframe {

        public Relative {
            requireNonNull(anchor, "anchor is null");
            requireNonNull(unit, "unit is null");
            if (count < 1) {
                throw TimeSyntax.invalid(ErrorCode.INVALID_TIMEFRAME, "timeframe",
                        "a relative timeframe counts at least 1 unit, got " + count);
            }
        }

        @Override
        public TimeRange resolve(Instant now, ZoneId zone, DayOfWeek weekStart) {
            requireNonNull(now, "now is null");
            requireNonNull(zone, "zone is null");
            requireNonNull(weekStart, "weekStart is null");
            try {
                Instant current = CalendarMath.unitStart(now, zone, unit, weekStart);
                return switch (anchor) {
                    case THIS -> {
                        Instant start = CalendarMath.shift(current, 1L - count, unit, zone);
                        Instant end = start.equals(now) ? CalendarMath.shift(current, 1, unit, zone) : now;
                        yield new TimeRange(start, end);
                    }
                    case PREVIOUS -> new TimeRange(CalendarMath.shift(current, -(long) count, unit, zone), current);
                };
            } catch (DateTimeException | ArithmeticException e) {
                throw TimeSyntax.invalid(ErrorCode.INVALID_TIMEFRAME, "timeframe",
                        "timeframe " + this + " reaches outside the supported dates");
            }
        }

        /** Keen's spelling, e.g. {@code this_7_days} or {@code previous_1_month}. */
        @Override
        public String toString() {
            String word = unit.name().toLowerCase(Locale.ROOT);
            return TimeSyntax.lower(anchor.name()) + "_" + count + "_" + word + (count == 1 ? "" : "s");
        }
    }

    /**
     * Reads a timeframe as Keen clients send it:
     *
     * <ul>
     *   <li>{@code this_N_units} or {@code previous_N_units}, N at least 1, units {@code minutes, hours, days,
     *       weeks, months, years} (singular too: {@code this_1_day});
     *   <li>the shorthands {@code this_minute, this_hour, this_day, today, this_week, this_month, this_year} and
     *       {@code previous_minute, previous_hour, previous_day, yesterday, previous_week, previous_month,
     *       previous_year}, each a count of 1;
     *   <li>JSON object text {@code {"start": "...", "end": "..."}} with timestamps as {@link #absolute} reads them.
     * </ul>
     *
     * Case is ignored, and so is surrounding whitespace.
     *
     * @throws InvalidRequestException for {@code null}, blank, or anything else
     */
    static Timeframe parse(String text) {
        return TimeframeSyntax.parse(text);
    }

    /**
     * An absolute timeframe from its two timestamps: ISO-8601 with an offset or {@code Z}
     * ({@code 2024-01-02T03:04:05.000Z}, {@code 2024-01-02T05:04:05+02:00}); a timestamp without an offset is read
     * in UTC, and a date alone ({@code 2024-01-02}) means its midnight in UTC.
     *
     * @throws InvalidRequestException when either is missing or unreadable, or {@code end} is not after {@code start}
     */
    static Timeframe absolute(String start, String end) {
        return TimeframeSyntax.absolute(start, end);
    }
}
