package io.cairn.core.series;

import io.cairn.core.analysis.Buckets;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.SeriesTables.Numbered;
import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.SqlDialect;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read of several series as two queries on one connection: the summaries (one small row per series), then the
 * points or bucket values ordered by series and time, handed to the sink as they arrive so that nothing grows with
 * the answer. Series with no points in the range still get their (empty) data set, in order.
 */
final class SeriesReads {

    /** Weeks of rollups start on Monday, as ISO-8601 weeks do. */
    static final DayOfWeek WEEK_START = DayOfWeek.MONDAY;
    /** The most buckets a multi-unit interval may split a read into (one-unit intervals have no limit). */
    static final int MAX_BUCKETS = 20_000;

    private final SeriesTables tables;
    private final SqlDialect dialect;

    SeriesReads(SeriesTables tables) {
        this.tables = tables;
        this.dialect = tables.dialect();
    }

    /** Streams the data sets of {@code selected} (in creation order) to {@code sink}. */
    void read(ReadSession session, List<Numbered> selected, SeriesRead read, DataSetSink sink) {
        if (selected.isEmpty()) {
            return;
        }
        List<Long> numbers = selected.stream().map(Numbered::number).toList();
        String points = tables.pointsIn(numbers, read.range().start(), read.range().end());
        Map<Long, Summary> summaries = summaries(session, points);
        Cursor cursor = new Cursor(selected, summaries, read.range(), sink);
        session.forEach(dataSql(points, read), List.of(),
                row -> cursor.point(row.longValue(1), row.longValue(2), row.doubleValue(3)));
        cursor.finish();
    }

    private Map<Long, Summary> summaries(ReadSession session, String points) {
        Map<Long, Summary> summaries = new HashMap<>();
        session.forEach("SELECT series, count(*), sum(v), avg(v), min(v), max(v), "
                + dialect.standardDeviation("v") + " FROM " + points + " GROUP BY series", List.of(), row -> {
                    long count = row.longValue(2);
                    Double stddev = row.doubleValue(7);
                    summaries.put(row.longValue(1), new Summary(count, row.doubleValue(3), row.doubleValue(4),
                            row.doubleValue(5), row.doubleValue(6), stddev, stddev == null ? null : stddev * stddev * count));
                });
        return summaries;
    }

    private String dataSql(String points, SeriesRead read) {
        return switch (read.rollup().resolve(read.range())) {
            case Rollup.Raw raw -> "SELECT series, " + dialect.epochMicros("t") + ", v FROM " + points
                    + " ORDER BY series, t";
            case Rollup.Fold fold when fold.interval().count() == 1 -> "SELECT series, "
                    + dialect.bucketStartMicros(fold.interval().unit(), "t", read.zone(), WEEK_START) + " AS bucket, "
                    + fold(fold.function()) + " FROM " + points + " GROUP BY series, bucket ORDER BY series, bucket";
            case Rollup.Fold fold -> {
                List<TimeRange> buckets = fold.interval().buckets(read.range(), read.zone(), WEEK_START, MAX_BUCKETS);
                yield Buckets.startsTable(buckets, dialect) + "SELECT series, " + dialect.epochMicros("b.s")
                        + " AS bucket, " + fold(fold.function()) + " FROM " + points
                        + " ASOF JOIN bucket_starts b ON p.t >= b.s GROUP BY series, bucket ORDER BY series, bucket";
            }
            case Rollup.Auto auto -> throw new IllegalStateException("auto rollup is resolved above");
        };
    }

    private String fold(RollupFunction function) {
        return switch (function) {
            case SUM -> "sum(v)";
            case MAX -> "max(v)";
            case MIN -> "min(v)";
            case MEAN -> "avg(v)";
            case STDDEV -> dialect.standardDeviation("v");
            case COUNT -> "CAST(count(*) AS DOUBLE)";
            case FIRST -> dialect.valueAtMin("v", "t");
            case LAST -> dialect.valueAtMax("v", "t");
            case RANGE -> "max(v) - min(v)";
        };
    }

    /** Walks the selected series alongside rows ordered by series number. */
    private static final class Cursor {
        private final List<Numbered> selected;
        private final Map<Long, Summary> summaries;
        private final TimeRange range;
        private final DataSetSink sink;
        private int next;
        private long open = -1;

        Cursor(List<Numbered> selected, Map<Long, Summary> summaries, TimeRange range, DataSetSink sink) {
            this.selected = selected;
            this.summaries = summaries;
            this.range = range;
            this.sink = sink;
        }

        void point(long series, long micros, double value) {
            if (series != open) {
                moveTo(series);
            }
            sink.point(micros, value);
        }

        private void moveTo(long series) {
            if (open >= 0) {
                sink.end();
            }
            while (selected.get(next).number() != series) {
                emptyNext();
            }
            begin(selected.get(next++));
            open = series;
        }

        void finish() {
            if (open >= 0) {
                sink.end();
            }
            while (next < selected.size()) {
                emptyNext();
            }
        }

        private void emptyNext() {
            begin(selected.get(next++));
            sink.end();
        }

        private void begin(Numbered numbered) {
            sink.begin(numbered.series(), range, summaries.getOrDefault(numbered.number(), Summary.EMPTY));
        }
    }
}
