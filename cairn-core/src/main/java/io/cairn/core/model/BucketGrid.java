package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Where the bucket boundaries of one interval fall in one zone, for one range. A grid is anchored at a calendar
 * boundary at or before the range start and repeats every {@code count} units from there, so buckets of one
 * request all have the same calendar width (the last one of a range may be clipped by the caller).
 */
sealed interface BucketGrid permits BucketGrid.WallClock, BucketGrid.Dates {

    /** The last boundary at or before {@code at}. */
    Instant first(Instant at);

    /** The first boundary after {@code boundary}, which must itself be a boundary of this grid. */
    Instant next(Instant boundary);

    /**
     * The grid of {@code interval} for a range starting at {@code rangeStart}. Anchors: minutes and hours count
     * from local midnight of the start's day (so {@code every_6_hours} gives 00:00, 06:00, 12:00, 18:00 local),
     * months from January 1 of the start's year (so {@code every_3_months} gives calendar quarters), and days,
     * weeks and years from the start of the unit containing the range start.
     */
    static BucketGrid of(Interval interval, Instant rangeStart, ZoneId zone, DayOfWeek weekStart) {
        LocalDate day = rangeStart.atZone(zone).toLocalDate();
        return switch (interval.unit()) {
            case MINUTE -> new WallClock(zone, day, 60L * interval.count());
            case HOUR -> new WallClock(zone, day, 3600L * interval.count());
            case MONTH -> new Dates(zone, day.withDayOfYear(1), interval.count(), interval.unit());
            case DAY, WEEK, YEAR -> new Dates(zone, CalendarMath.firstDay(day, interval.unit(), weekStart),
                    interval.count(), interval.unit());
        };
    }

    /**
     * Sub-day boundaries on the local wall clock: every instant at which the zone's clock reads midnight of {@code
     * day} plus a whole number of {@code step} seconds. Across daylight-saving shifts this keeps buckets on
     * round local times: a repeated hour is two hourly buckets (a fall-back day has 25), a skipped hour is none (a
     * spring-forward day has 23), and when the clock jumps over an aligned time the jump itself is a boundary.
     */
    record WallClock(ZoneId zone, LocalDate day, long step) implements BucketGrid {

        public WallClock {
            requireNonNull(zone, "zone is null");
            requireNonNull(day, "day is null");
            if (step <= 0) {
                throw new IllegalArgumentException("step must be positive: " + step);
            }
        }

        /** {@inheritDoc} {@code at} must not be before the start of {@link #day()}. */
        @Override
        public Instant first(Instant at) {
            // The start of the anchor day is a boundary; walk forward from it (a day of steps for the range start).
            Instant boundary = CalendarMath.startOfDay(day, zone);
            for (Instant next = next(boundary); !next.isAfter(at); next = next(next)) {
                boundary = next;
            }
            return boundary;
        }

        @Override
        public Instant next(Instant boundary) {
            ZoneRules rules = zone.getRules();
            long origin = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            long seconds = boundary.getEpochSecond();
            while (true) {
                Instant now = Instant.ofEpochSecond(seconds);
                long offset = rules.getOffset(now).getTotalSeconds();
                long aligned = origin + (Math.floorDiv(seconds + offset - origin, step) + 1) * step;
                long candidate = aligned - offset;
                ZoneOffsetTransition transition = rules.nextTransition(now);
                // The candidate only holds while the offset it was computed with does.
                if (transition == null || candidate < transition.toEpochSecond()) {
                    return Instant.ofEpochSecond(candidate);
                }
                if (isBoundary(transition, origin, step)) {
                    return transition.getInstant();
                }
                seconds = transition.toEpochSecond();
            }
        }

        // After the shift the clock reads `after`; in a gap it skipped [before, after), and if an aligned reading
        // was skipped the bucket it would have started starts when the clock resumes.
        private static boolean isBoundary(ZoneOffsetTransition transition, long origin, long step) {
            long at = transition.toEpochSecond();
            long before = at + transition.getOffsetBefore().getTotalSeconds();
            long after = at + transition.getOffsetAfter().getTotalSeconds();
            long from = transition.isGap() ? before : after;
            long firstAligned = origin + Math.ceilDiv(from - origin, step) * step;
            return firstAligned <= after;
        }
    }

    /**
     * Boundaries at the local midnights that start {@code anchor + k * count} units, {@code anchor} being the first
     * day of a unit; daylight saving makes such a bucket 23 or 25 hours longer or shorter, never misaligned.
     */
    record Dates(ZoneId zone, LocalDate anchor, int count, CalendarUnit unit) implements BucketGrid {

        public Dates {
            requireNonNull(zone, "zone is null");
            requireNonNull(anchor, "anchor is null");
            requireNonNull(unit, "unit is null");
        }

        @Override
        public Instant first(Instant at) {
            ChronoUnit dateUnit = CalendarMath.dateUnit(unit);
            long units = dateUnit.between(anchor, at.atZone(zone).toLocalDate());
            return CalendarMath.startOfDay(anchor.plus(Math.floorDiv(units, count) * count, dateUnit), zone);
        }

        @Override
        public Instant next(Instant boundary) {
            // A boundary's local date is the first day of a unit (also when midnight fell in a gap: then the
            // boundary is the end of the gap, later that same day), so moving it by whole units stays on the grid.
            LocalDate day = boundary.atZone(zone).toLocalDate();
            return CalendarMath.startOfDay(day.plus(count, CalendarMath.dateUnit(unit)), zone);
        }
    }
}
