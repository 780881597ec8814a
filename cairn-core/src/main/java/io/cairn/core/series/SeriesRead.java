package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.TimeRange;
import java.time.ZoneId;

/**
 * A read of the points in {@code range} ({@code [start, end)}) of every selected series, rolled up as asked, with
 * buckets aligned to the calendar of {@code zone}.
 */
public record SeriesRead(TimeRange range, Rollup rollup, ZoneId zone) {

    public SeriesRead {
        requireNonNull(range, "range is null");
        requireNonNull(rollup, "rollup is null");
        requireNonNull(zone, "zone is null");
    }
}
