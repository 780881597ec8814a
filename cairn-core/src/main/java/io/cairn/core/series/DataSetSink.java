package io.cairn.core.series;

import io.cairn.core.model.TimeRange;

/**
 * Receives a read's answer as it streams from storage: for each selected series, in order, {@link #begin}, its points
 * in time order, then {@link #end} with the summary of its raw points (computed on the way, so the points are read
 * once). Called on the reading thread, while a read connection is held: write the answer out, do not block on other
 * reads.
 */
public interface DataSetSink {

    void begin(Series series, TimeRange range);

    /** One point: a raw point or a bucket's folded value, its time in microseconds since the epoch. */
    void point(long micros, double value);

    void end(Summary summary);
}
