package io.cairn.core.series;

import io.cairn.core.analysis.Buckets;
import io.cairn.core.model.Interval;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.SeriesTables.Numbered;
import io.cairn.core.storage.ReadSession;
import io.cairn.core.storage.SqlDialect;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A read of several series as one query: the points or bucket values ordered by series and time, handed to the sink
 * as they arrive so that nothing grows with the answer, the summaries built on the way. Series with no points in the
 * range still get their (empty) data set, in order.
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

    /**
     * What a read may skip: the fresh table ({@code withFresh} false: it holds none of the points read), and the sort
     * of raw points ({@code inOrder}: one series, whose points the points table holds in time order).
     */
    record Plan(boolean withFresh, boolean inOrder) {}

    /** A read that its plan said was in order met a point out of order; nothing was sorted, so it cannot go on. */
    static final class OrderBroken extends RuntimeException {
        OrderBroken(String message) {
            super(message);
        }
    }

    /**
     * Streams the data sets of {@code selected} (in creation order) to {@code sink}; {@code everySeries} says they
     * are all the project's series, so that the query need not name them.
     */
    void read(ReadSession session, List<Numbered> selected, boolean everySeries, SeriesRead read, Plan plan,
            DataSetSink sink) {
        if (selected.isEmpty()) {
            return;
        }
        List<Long> numbers = everySeries ? List.of() : selected.stream().map(Numbered::number).toList();
        String points = tables.pointsIn(numbers, read.range().start(), read.range().end(), plan.withFresh());
        Cursor cursor = new Cursor(selected, read.range(), sink);
        Rollup rollup = read.rollup().resolve(read.range());
        if (rollup instanceof Rollup.Fold fold) {
            session.forEach(foldSql(points, fold, read), List.of(), row -> {
                cursor.moveTo(row.longValue(1));
                cursor.summary.addGroup(row.longValue(4), row.doubleValue(5), row.doubleValue(6),
                        row.doubleValue(7), row.doubleValue(8));
                sink.point(row.longValue(2), row.doubleValue(3));
            });
        } else if (plan.inOrder()) {
            // One series, whose order in the points table is its time order: no sort (nor series column), but a
            // check that costs a comparison.
            long series = selected.getFirst().number();
            long[] previous = {Long.MIN_VALUE};
            session.forEach("SELECT " + dialect.epochMicros("t") + ", v FROM " + points, List.of(), row -> {
                cursor.moveTo(series);
                long micros = row.longValue(1);
                if (micros <= previous[0]) {
                    throw new OrderBroken("series " + series + " has points out of order");
                }
                previous[0] = micros;
                double value = row.doubleValue(2);
                cursor.summary.add(value);
                sink.point(micros, value);
            });
        } else {
            session.forEach("SELECT series, " + dialect.epochMicros("t") + ", v FROM " + points
                    + " ORDER BY series, t", List.of(), row -> {
                        cursor.moveTo(row.longValue(1));
                        double value = row.doubleValue(3);
                        cursor.summary.add(value);
                        sink.point(row.longValue(2), value);
                    });
        }
        cursor.finish();
    }

    /**
     * Per bucket: its start, the folded value, and what the summary needs of its points (count, sum, min, max, sum
     * of squared deviations), so that the summary costs no second pass.
     */
    private String foldSql(String points, Rollup.Fold fold, SeriesRead read) {
        String groups = ", count(*), sum(v), min(v), max(v), var_pop(v) * count(*) FROM " + points;
        if (fold.interval().count() == 1) {
            // Every point read lies in the read's range, which is therefore the span the bucket expression must hold for.
            String bucket = dialect.bucketStartMicros(fold.interval().unit(), "t", read.zone(), WEEK_START,
                    read.range());
            return "SELECT series, " + bucket + " AS bucket, " + fold(fold.function()) + groups
                    + " GROUP BY series, bucket ORDER BY series, bucket";
        }
        List<TimeRange> buckets = fold.interval().buckets(read.range(), read.zone(), WEEK_START, MAX_BUCKETS);
        return Buckets.startsTable(buckets, dialect) + "SELECT series, " + dialect.epochMicros("b.s") + " AS bucket, "
                + fold(fold.function()) + groups
                + " ASOF JOIN bucket_starts b ON p.t >= b.s GROUP BY series, bucket ORDER BY series, bucket";
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

    /** Walks the selected series alongside rows ordered by series number, opening and closing data sets. */
    private static final class Cursor {
        private final List<Numbered> selected;
        private final TimeRange range;
        private final DataSetSink sink;
        private SummaryBuilder summary;
        private int next;
        private long open = -1;

        Cursor(List<Numbered> selected, TimeRange range, DataSetSink sink) {
            this.selected = selected;
            this.range = range;
            this.sink = sink;
        }

        /** Makes {@code series} the open data set, closing the one before and any without rows in between. */
        void moveTo(long series) {
            if (series == open) {
                return;
            }
            if (open >= 0) {
                sink.end(summary.build());
            }
            while (selected.get(next).number() != series) {
                emptyNext();
            }
            begin(selected.get(next++));
            open = series;
        }

        void finish() {
            if (open >= 0) {
                sink.end(summary.build());
            }
            while (next < selected.size()) {
                emptyNext();
            }
        }

        private void emptyNext() {
            begin(selected.get(next++));
            sink.end(Summary.EMPTY);
        }

        private void begin(Numbered numbered) {
            summary = new SummaryBuilder();
            sink.begin(numbered.series(), range);
        }
    }
}
