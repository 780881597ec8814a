package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A read's answer for one series: its metadata, the range read, the points (raw or one per rollup bucket, at the
 * bucket's start) and a summary of the raw points. Immutable and thread-safe.
 *
 * @param series the series; never null
 * @param start the range's start (included); never null
 * @param end the range's end (excluded); never null
 * @param data the points in time order; never null
 * @param summary statistics of the raw points in the range; never null
 */
public record DataSet(Series series, Instant start, Instant end, List<DataPoint> data, Summary summary) {

    /**
     * Creates a data set; the list is copied.
     *
     * @throws NullPointerException if an argument is null or the list holds a null
     */
    public DataSet {
        requireNonNull(series, "series is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        data = List.copyOf(data);
        requireNonNull(summary, "summary is null");
    }
}
