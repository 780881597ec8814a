package io.cairn.core.series;

import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Helpers for series tests: a core on a temp directory and a sink that keeps what it is given. */
final class SeriesTesting {

    private SeriesTesting() {}

    static CairnCore open(Path dataDir) {
        CoreConfig defaults = CoreConfig.defaults();
        return CairnCore.open(defaults.withStorage(defaults.storage().withDataDir(dataDir)
                .withMemory(DataSize.ofMegabytes(256))));
    }

    /** One data set as a sink received it. */
    static final class DataSet {
        final Series series;
        final TimeRange range;
        final List<Point> points = new ArrayList<>();
        Summary summary;

        DataSet(Series series, TimeRange range) {
            this.series = series;
            this.range = range;
        }

        Series series() {
            return series;
        }

        List<Point> points() {
            return points;
        }

        Summary summary() {
            return summary;
        }
    }

    record Point(Instant t, double v) {}

    /** Keeps every data set it receives, checking the begin/point/end protocol. */
    static final class Collecting implements DataSetSink {
        final List<DataSet> sets = new ArrayList<>();
        private DataSet open;

        @Override
        public void begin(Series series, TimeRange range) {
            if (open != null) {
                throw new AssertionError("begin before end");
            }
            open = new DataSet(series, range);
            sets.add(open);
        }

        @Override
        public void point(long micros, double value) {
            open.points.add(new Point(Instant.EPOCH.plusNanos(micros * 1000), value));
        }

        @Override
        public void end(Summary summary) {
            if (open == null) {
                throw new AssertionError("end without begin");
            }
            open.summary = summary;
            open = null;
        }

        DataSet only() {
            if (sets.size() != 1 || open != null) {
                throw new AssertionError("expected one closed data set, got " + sets.size());
            }
            return sets.getFirst();
        }
    }
}
