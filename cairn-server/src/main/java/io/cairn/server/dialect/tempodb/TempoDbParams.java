package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.Rollup;
import io.cairn.core.series.RollupFunction;
import io.cairn.core.series.SeriesFilter;
import io.cairn.core.series.SeriesRead;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query parameters of TempoDB's reads and deletes: series filters ({@code id}, {@code key}, {@code tag} repeated,
 * {@code attr[name]=value}), {@code start}, {@code end}, {@code tz}, and the rollup ({@code interval},
 * {@code function}).
 */
final class TempoDbParams {

    private static final Pattern ATTRIBUTE = Pattern.compile("attr\\[(.+)]");
    private static final Pattern COUNTED = Pattern.compile("(\\d{1,6})\\s*([a-z]+)");
    private static final Pattern ISO_PERIOD = Pattern.compile("p(?:(\\d{1,6})([ymwd])|t(\\d{1,6})([hm]))");
    private static final String INTERVALS = "raw, <N><unit> with units min, minute(s), hour(s), day(s), week(s),"
            + " month(s), year(s) (e.g. 1hour, 5min), or an ISO-8601 period of one unit (e.g. PT1H, P1D)";

    private TempoDbParams() {}

    static SeriesFilter filter(Context ctx) {
        Map<String, String> attributes = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches() && !values.isEmpty()) {
                attributes.put(m.group(1), values.getLast());
            }
        });
        return new SeriesFilter(new HashSet<>(ctx.queryParams("id")), new HashSet<>(ctx.queryParams("key")),
                new HashSet<>(ctx.queryParams("tag")), attributes);
    }

    static ZoneId zone(Context ctx) {
        return TempoDbTime.zone(ctx.queryParam("tz"));
    }

    static TimeRange range(Context ctx, ZoneId zone) {
        Instant start = TempoDbTime.instant(ctx.queryParam("start"), zone, "start");
        Instant end = TempoDbTime.instant(ctx.queryParam("end"), zone, "end");
        if (!start.isBefore(end)) {
            throw InvalidRequestException.field("start", "start must be before end, got start " + start
                    + " and end " + end);
        }
        return TimeRange.of(start, end);
    }

    static SeriesRead read(Context ctx) {
        ZoneId zone = zone(ctx);
        TimeRange range = range(ctx, zone);
        return new SeriesRead(range, rollup(ctx.queryParam("interval"), ctx.queryParam("function"), range), zone);
    }

    /**
     * No interval and no function: the automatic rollup. An interval without a function: its mean. A function
     * without an interval: the automatic rollup's interval folded with that function.
     */
    static Rollup rollup(String interval, String function, TimeRange range) {
        Optional<RollupFunction> folding = blank(function) ? Optional.empty() : Optional.of(function(function));
        if (blank(interval)) {
            Rollup auto = Rollup.auto().resolve(range);
            return folding.isPresent() && auto instanceof Rollup.Fold fold
                    ? Rollup.of(fold.interval(), folding.get()) : auto;
        }
        if (interval.trim().equalsIgnoreCase("raw")) {
            return Rollup.raw();
        }
        return Rollup.of(interval(interval), folding.orElse(RollupFunction.MEAN));
    }

    static Interval interval(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        Matcher counted = COUNTED.matcher(lower);
        if (counted.matches()) {
            return unit(counted.group(2)).map(unit -> interval(counted.group(1), unit, text))
                    .orElseThrow(() -> badInterval(text));
        }
        Matcher iso = ISO_PERIOD.matcher(lower);
        if (iso.matches()) {
            boolean date = iso.group(1) != null;
            String unit = date ? iso.group(2) : iso.group(4);
            CalendarUnit calendarUnit = switch (unit) {
                case "y" -> CalendarUnit.YEAR;
                case "m" -> date ? CalendarUnit.MONTH : CalendarUnit.MINUTE;
                case "w" -> CalendarUnit.WEEK;
                case "d" -> CalendarUnit.DAY;
                default -> CalendarUnit.HOUR;
            };
            return interval(date ? iso.group(1) : iso.group(3), calendarUnit, text);
        }
        throw badInterval(text);
    }

    private static Interval interval(String count, CalendarUnit unit, String text) {
        int n = Integer.parseInt(count);
        if (n < 1) {
            throw badInterval(text);
        }
        return Interval.of(n, unit);
    }

    private static Optional<CalendarUnit> unit(String name) {
        return Optional.ofNullable(switch (name) {
            case "min", "mins", "minute", "minutes" -> CalendarUnit.MINUTE;
            case "hour", "hours", "hr", "h" -> CalendarUnit.HOUR;
            case "day", "days", "d" -> CalendarUnit.DAY;
            case "week", "weeks", "w" -> CalendarUnit.WEEK;
            case "month", "months" -> CalendarUnit.MONTH;
            case "year", "years", "y" -> CalendarUnit.YEAR;
            default -> null;
        });
    }

    static RollupFunction function(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "sum" -> RollupFunction.SUM;
            case "max" -> RollupFunction.MAX;
            case "min" -> RollupFunction.MIN;
            case "avg", "mean" -> RollupFunction.MEAN;
            case "stddev" -> RollupFunction.STDDEV;
            case "count" -> RollupFunction.COUNT;
            case "first" -> RollupFunction.FIRST;
            case "last" -> RollupFunction.LAST;
            case "range" -> RollupFunction.RANGE;
            default -> throw InvalidRequestException.field("function", "function must be one of sum, max, min,"
                    + " avg, mean, stddev, count, first, last, range, got '" + text + "'");
        };
    }

    private static InvalidRequestException badInterval(String text) {
        return InvalidRequestException.field("interval", "interval must be " + INTERVALS + ", got '" + text + "'");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether the request asks to delete every series ({@code allow_truncation=true}). */
    static boolean allowsTruncation(Context ctx) {
        return "true".equalsIgnoreCase(ctx.queryParam("allow_truncation"));
    }

}
