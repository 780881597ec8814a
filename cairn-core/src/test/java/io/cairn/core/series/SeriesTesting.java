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
    record DataSet(Series series, TimeRange range, Summary summary, List<Point> points) {}

    record Point(Instant t, double v) {}

    /** Keeps every data set it receives, checking the begin/point/end protocol. */
    static final class Collecting implements DataSetSink {
        final List<DataSet> sets = new ArrayList<>();
        private List<Point> open;

        @Override
        public void begin(Series series, TimeRange range, Summary summary) {
            if (open != null) {
                throw new AssertionError("begin before end");
            }
            open = new ArrayList<>();
            sets.add(new DataSet(series, range, summary, open));
        }

        @Override
        public void point(long micros, double value) {
            open.add(new Point(Instant.EPOCH.plusNanos(micros * 1000), value));
        }

        @Override
        public void end() {
            if (open == null) {
                throw new AssertionError("end without begin");
            }
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
