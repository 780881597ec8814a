package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.Instant;

/**
 * A half-open span of time {@code [start, end)}: it contains {@code start} and not {@code end}, so consecutive ranges
 * (the buckets of an interval) share their boundaries without counting an event twice.
 *
 * @throws InvalidRequestException with {@link ErrorCode#INVALID_TIMEFRAME} (field {@code timeframe}) when
 *     {@code start} is not before {@code end}
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!start.isBefore(end)) {
            throw TimeSyntax.invalid(ErrorCode.INVALID_TIMEFRAME, "timeframe",
                    "timeframe start must be before its end, got start " + start + " and end " + end);
        }
    }

    public static TimeRange of(Instant start, Instant end) {
        return new TimeRange(start, end);
    }

    /** The start in microseconds since the epoch. */
    public long startMicros() {
        return EpochMicros.of(start);
    }

    /** The (exclusive) end in microseconds since the epoch. */
    public long endMicros() {
        return EpochMicros.of(end);
    }

    /** Whether {@code instant} is at or after {@link #start()} and before {@link #end()}. */
    public boolean contains(Instant instant) {
        requireNonNull(instant, "instant is null");
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
