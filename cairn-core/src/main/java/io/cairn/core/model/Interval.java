package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bucket width: {@code count} calendar units, e.g. 6 hours or 1 month. */
public record Interval(int count, CalendarUnit unit) {

    /** Keen IO's limit on the buckets one interval may split a timeframe into. */
    public static final int MAX_BUCKETS = 2500;

    private static final Pattern EVERY = Pattern.compile("every_(\\d+)_([a-z]+)");

    private static final Map<String, CalendarUnit> NAMES = Map.of(
            "minutely", CalendarUnit.MINUTE,
            "hourly", CalendarUnit.HOUR,
            "daily", CalendarUnit.DAY,
            "weekly", CalendarUnit.WEEK,
            "monthly", CalendarUnit.MONTH,
            "yearly", CalendarUnit.YEAR);

    private static final String EXPECTED = "minutely, hourly, daily, weekly, monthly, yearly, or every_N_units "
            + "with N at least 1 and units " + TimeSyntax.UNIT_NAMES + " (e.g. every_6_hours)";

    public Interval {
        requireNonNull(unit, "unit is null");
        if (count < 1) {
            throw new IllegalArgumentException("an interval counts at least 1 unit: " + count);
        }
    }

    public static Interval of(int count, CalendarUnit unit) {
        return new Interval(count, unit);
    }

    /**
     * Reads an interval as Keen clients send it: {@code minutely, hourly, daily, weekly, monthly, yearly}, or
     * {@code every_N_units} with units {@code minutes, hours, days, weeks, months, years}, singular allowed
     * ({@code every_6_hours}, {@code every_1_day}). Case and surrounding whitespace are ignored.
     *
     * @throws InvalidRequestException with {@link ErrorCode#INVALID_INTERVAL} (field {@code interval}) for {@code
     *     null}, blank, a count below 1, an unknown unit, or anything else
     */
    public static Interval parse(String text) {
        return read(text).orElseThrow(() -> TimeSyntax.invalid(ErrorCode.INVALID_INTERVAL, "interval",
                "interval must be " + EXPECTED + ", got " + TimeSyntax.quoted(text)));
    }

    private static Optional<Interval> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = TimeSyntax.lower(text);
        CalendarUnit named = NAMES.get(lower);
        if (named != null) {
            return Optional.of(new Interval(1, named));
        }
        Matcher m = EVERY.matcher(lower);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<CalendarUnit> unit = TimeSyntax.unit(m.group(2));
        return TimeSyntax.positiveCount(m.group(1)).flatMap(count -> unit.map(u -> new Interval(count, u)));
    }

    /**
     * Splits {@code range} into consecutive buckets of this interval, aligned to the calendar of {@code zone}.
     *
     * <p>Boundaries are calendar boundaries, never fixed durations: a daily bucket starts at local midnight and
     * lasts 23 or 25 hours across a daylight-saving shift; hourly buckets follow the local clock (a fall-back day
     * has 25 of them). Buckets of {@code count > 1} repeat every {@code count} units from an anchor: minutes and
     * hours from local midnight of the range's first day ({@code every_6_hours}: 00:00, 06:00, 12:00, 18:00 local),
     * months from January 1 of the range's first year ({@code every_3_months}: calendar quarters), and days, weeks
     * and years from the start of the unit containing the range start ({@code every_2_days}: the range's first
     * day, the day after next, and so on).
     *
     * <p>As Keen reports them, bucket timeframes sit on unit boundaries: the first bucket starts at the boundary at
     * or before {@code range.start()} and is not clipped to it, so it may begin before the range; the last bucket's
     * end is clipped to {@code range.end()} when the range ends mid-bucket.
     *
     * @param weekStart the first day of a week, usually {@link Timeframe#KEEN_WEEK_START}
     * @param maxBuckets the most buckets allowed, usually {@link #MAX_BUCKETS}; at least 1
     * @return at least one bucket, in time order, each ending where the next starts
     * @throws InvalidRequestException with {@link ErrorCode#TOO_MANY_BUCKETS} (field {@code interval}) when the range
     *     needs more than {@code maxBuckets} buckets, or with {@link ErrorCode#INVALID_TIMEFRAME} (field {@code
     *     timeframe}) when a bucket would leave the dates java.time supports
     */
    public List<TimeRange> buckets(TimeRange range, ZoneId zone, DayOfWeek weekStart, int maxBuckets) {
        requireNonNull(range, "range is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(weekStart, "weekStart is null");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1: " + maxBuckets);
        }
        try {
            return split(range, BucketGrid.of(this, range.start(), zone, weekStart), maxBuckets);
        } catch (DateTimeException | ArithmeticException e) {
            throw TimeSyntax.invalid(ErrorCode.INVALID_TIMEFRAME, "timeframe",
                    "timeframe reaches outside the supported dates: " + range.start() + " to " + range.end());
        }
    }

    /**
     * The whole bucket of a one-unit interval that contains {@code at}: such buckets lie on one fixed calendar grid,
     * so results computed per bucket (cached datasets) can be kept and combined across requests.
     *
     * @throws IllegalStateException for an interval of several units, whose grid depends on the range split
     */
    public TimeRange bucketContaining(Instant at, ZoneId zone, DayOfWeek weekStart) {
        if (count != 1) {
            throw new IllegalStateException("only one-unit intervals have a fixed grid: " + this);
        }
        Instant start = CalendarMath.unitStart(at, zone, unit, weekStart);
        return new TimeRange(start, CalendarMath.shift(start, 1, unit, zone));
    }

    private List<TimeRange> split(TimeRange range, BucketGrid grid, int maxBuckets) {
        List<TimeRange> buckets = new ArrayList<>();
        Instant start = grid.first(range.start());
        while (start.isBefore(range.end())) {
            if (buckets.size() == maxBuckets) {
                throw tooManyBuckets(maxBuckets);
            }
            Instant next = grid.next(start);
            buckets.add(new TimeRange(start, next.isBefore(range.end()) ? next : range.end()));
            start = next;
        }
        return List.copyOf(buckets);
    }

    private InvalidRequestException tooManyBuckets(int maxBuckets) {
        String width = count + " " + unit.name().toLowerCase(Locale.ROOT) + (count == 1 ? "" : "s");
        return new InvalidRequestException(ErrorCode.TOO_MANY_BUCKETS,
                "interval of " + width + " splits the timeframe into more than " + maxBuckets
                        + " buckets, the limit; choose a longer interval or a shorter timeframe",
                Map.of("field", "interval", "limit", maxBuckets));
    }
}
