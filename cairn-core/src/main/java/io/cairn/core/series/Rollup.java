package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import java.time.Duration;

/** What a read returns: the raw points, points folded per interval bucket, or a fold chosen by the range. */
public sealed interface Rollup {

    /** Up to this range length, {@link Auto} returns raw points. */
    Duration AUTO_RAW_UP_TO = Duration.ofDays(2);
    /** Up to this range length (and above {@link #AUTO_RAW_UP_TO}), {@link Auto} folds hourly means, else daily. */
    Duration AUTO_HOURLY_UP_TO = Duration.ofDays(30);

    static Rollup raw() {
        return Raw.INSTANCE;
    }

    static Rollup auto() {
        return Auto.INSTANCE;
    }

    static Rollup of(Interval interval, RollupFunction function) {
        return new Fold(interval, function);
    }

    /** Every point as stored. */
    enum Raw implements Rollup {
        INSTANCE
    }

    /** Raw up to two days, hourly means up to thirty days, daily means beyond. */
    enum Auto implements Rollup {
        INSTANCE
    }

    /** One value per bucket of {@code interval}, aligned in the read's zone. */
    record Fold(Interval interval, RollupFunction function) implements Rollup {
        public Fold {
            requireNonNull(interval, "interval is null");
            requireNonNull(function, "function is null");
        }
    }

    /** This rollup for a read of {@code range}: {@link Auto} resolved, the others as they are. */
    default Rollup resolve(TimeRange range) {
        if (this != Auto.INSTANCE) {
            return this;
        }
        Duration length = Duration.between(range.start(), range.end());
        if (length.compareTo(AUTO_RAW_UP_TO) <= 0) {
            return Raw.INSTANCE;
        }
        CalendarUnit unit = length.compareTo(AUTO_HOURLY_UP_TO) <= 0 ? CalendarUnit.HOUR : CalendarUnit.DAY;
        return new Fold(Interval.of(1, unit), RollupFunction.MEAN);
    }
}
