package io.cairn.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.CairnCore;
import io.cairn.core.error.ConflictException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.SeriesTesting.Collecting;
import io.cairn.core.series.SeriesTesting.Point;
import io.cairn.core.storage.duckdb.DuckDbDialect;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesServiceTest {

    private static final Instant T0 = Instant.parse("2012-01-01T00:00:00Z");
    private static final TimeRange DAY = TimeRange.of(T0, T0.plusSeconds(86_400));

    @TempDir
    Path dataDir;

    private CairnCore core;
    private SeriesService series;
    private ProjectId project;

    @BeforeEach
    void open() {
        core = SeriesTesting.open(dataDir);
        // A tiny compaction threshold, so points live in both the fresh and the clustered table.
        series = new SeriesService(core.storage(), Clock.systemUTC(), 5);
        project = core.projects().createProject("series").project().id();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void createdSeriesGetA32HexIdAndAGeneratedKeyWhenNoneIsGiven() {
        Series named = series.create(project, Optional.of("a/b c"));
        Series generated = series.create(project, Optional.empty());
        assertThat(named.id()).matches("[0-9a-f]{32}");
        assertThat(named.key()).isEqualTo("a/b c");
        assertThat(generated.key()).matches("[0-9a-f]{32}").isNotEqualTo(generated.id());
        assertThat(series.list(project, SeriesFilter.ALL)).containsExactly(named, generated);
        assertThatThrownBy(() -> series.create(project, Optional.of("a/b c"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void filtersUniteTheValuesOfOneKindAndRequireEveryKind() {
        Series a = tagged("a", List.of("t1", "t2"), Map.of("color", "red"));
        Series b = tagged("b", List.of("t1"), Map.of("color", "blue"));
        Series c = tagged("c", List.of("t2"), Map.of("color", "red", "size", "L"));
        assertThat(list(Set.of(), Set.of("a", "c"), Set.of(), Map.of())).containsExactly(a, c);
        assertThat(list(Set.of(a.id(), b.id()), Set.of(), Set.of(), Map.of())).containsExactly(a, b);
        assertThat(list(Set.of(), Set.of(), Set.of("t1", "t2"), Map.of())).containsExactly(a, b, c);
        assertThat(list(Set.of(), Set.of(), Set.of("t1"), Map.of())).containsExactly(a, b);
        assertThat(list(Set.of(), Set.of(), Set.of(), Map.of("color", "blue", "size", "L"))).containsExactly(b, c);
        assertThat(list(Set.of(), Set.of(), Set.of("t2"), Map.of("color", "blue"))).isEmpty();
        assertThat(list(Set.of(), Set.of(), Set.of(), Map.of("color", "red"))).containsExactly(a, c);
        assertThat(list(Set.of(), Set.of("a", "b"), Set.of(), Map.of("color", "red"))).containsExactly(a);
    }

    @Test
    void aSecondWriteAtATimeReplacesTheValueAndAnIncrementAddsToIt() {
        write("s", WriteMode.REPLACE, 0, 1.0, 60, 2.0, 120, 3.0);
        write("s", WriteMode.REPLACE, 60, 20.0, 0, 10.0);
        write("s", WriteMode.INCREMENT, 120, 0.5, 180, 4.0);
        assertThat(raw("s", DAY)).containsExactly(p(0, 10.0), p(60, 20.0), p(120, 3.5), p(180, 4.0));
    }

    @Test
    void batchesCommittedOutOfTimeOrderStillReplaceAndAdd() {
        write("s", WriteMode.REPLACE, 600, 6.0, 660, 6.6);
        write("s", WriteMode.REPLACE, 0, 1.0, 60, 1.6);
        write("s", WriteMode.REPLACE, 300, 3.0);
        write("s", WriteMode.REPLACE, 60, 2.0, 300, 4.0);
        write("s", WriteMode.INCREMENT, 600, 1.0, 330, 1.0);
        assertThat(raw("s", DAY)).containsExactly(p(0, 1.0), p(60, 2.0), p(300, 4.0), p(330, 1.0), p(600, 7.0),
                p(660, 6.6));
    }

    @Test
    void pointsOfOneBatchAtTheSameTimeKeepTheLastWriteOrAddUp() {
        write("s", WriteMode.REPLACE, 0, 1.0, 0, 2.0);
        write("s", WriteMode.INCREMENT, 60, 1.0, 60, 2.0);
        assertThat(raw("s", DAY)).containsExactly(p(0, 2.0), p(60, 3.0));
    }

    @Test
    void oneWriteGroupsInterleavedSeriesNamedByIdOrByKeyAndOrdersTheirPointsByTime() {
        write("a", WriteMode.REPLACE, 0, 0.5);
        SeriesRef a = SeriesRef.id(series.find(project, SeriesRef.key("a")).orElseThrow().id());
        PointBatch batch = PointBatch.builder(7)
                .add(SeriesRef.key("b"), micros(120), 1.0)
                .add(SeriesRef.key("a"), micros(60), 2.0)
                .add(a, micros(0), 3.0)
                .add(SeriesRef.key("b"), micros(60), 4.0)
                .add(SeriesRef.id("0123456789abcdef0123456789abcdef"), micros(0), 9.0)
                .add(SeriesRef.key("a"), micros(0), 5.0)
                .add(a, micros(180), 6.0)
                .build();
        WriteReport report = series.write(project, batch, WriteMode.REPLACE);
        assertThat(report.written()).isEqualTo(6);
        assertThat(report.refused()).containsOnlyKeys(4);
        // The id and the key name one series: of its two points at 0, the later sent wins.
        assertThat(raw("a", DAY)).containsExactly(p(0, 5.0), p(60, 2.0), p(180, 6.0));
        assertThat(raw("b", DAY)).containsExactly(p(60, 4.0), p(120, 1.0));
    }

    @Test
    void readsAndDeletesAreHalfOpen() {
        write("s", WriteMode.REPLACE, 0, 1.0, 60, 2.0, 120, 3.0, 180, 4.0);
        assertThat(raw("s", TimeRange.of(T0.plusSeconds(60), T0.plusSeconds(180)))).containsExactly(p(60, 2.0),
                p(120, 3.0));
        long deleted = series.deleteRange(project, SeriesRef.key("s"),
                TimeRange.of(T0.plusSeconds(60), T0.plusSeconds(180)));
        assertThat(deleted).isEqualTo(2);
        assertThat(raw("s", DAY)).containsExactly(p(0, 1.0), p(180, 4.0));
    }

    @Test
    void aWriteByUnknownKeyCreatesTheSeriesWhileAnUnknownIdIsRefusedAlone() {
        PointBatch batch = PointBatch.builder(3)
                .add(SeriesRef.key("new"), micros(0), 1.0)
                .add(SeriesRef.id("0123456789abcdef0123456789abcdef"), micros(0), 2.0)
                .add(SeriesRef.key("new"), micros(60), 3.0)
                .build();
        WriteReport report = series.write(project, batch, WriteMode.REPLACE);
        assertThat(report.written()).isEqualTo(2);
        assertThat(report.refused()).containsOnlyKeys(1);
        assertThat(raw("new", DAY)).containsExactly(p(0, 1.0), p(60, 3.0));
    }

    @Test
    void concurrentIncrementsOfOnePointNeverLoseAnUpdate() throws Exception {
        int threads = 8;
        int perThread = 150;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        write("counter", WriteMode.INCREMENT, 0, 1.0, 60 * (1 + i % 3), 2.0);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(raw("counter", DAY)).containsExactly(p(0, threads * perThread),
                p(60, 2.0 * threads * perThread / 3), p(120, 2.0 * threads * perThread / 3),
                p(180, 2.0 * threads * perThread / 3));
    }

    @Test
    void aMultiSeriesReadGivesEverySelectedSeriesInCreationOrderEvenWithoutPoints() {
        write("a", WriteMode.REPLACE, 0, 1.0);
        series.create(project, Optional.of("empty"));
        write("c", WriteMode.REPLACE, 0, 5.0, 60, 7.0);
        Collecting sink = new Collecting();
        series.read(project, SeriesFilter.ALL, new SeriesRead(DAY, Rollup.raw(), ZoneOffset.UTC), sink);
        assertThat(sink.sets).extracting(set -> set.series().key()).containsExactly("a", "empty", "c");
        assertThat(sink.sets.get(1).points()).isEmpty();
        assertThat(sink.sets.get(1).summary()).isEqualTo(Summary.EMPTY);
        assertThat(sink.sets.get(2).points()).containsExactly(p(0, 5.0), p(60, 7.0));
        Summary summary = sink.sets.get(2).summary();
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.sum()).isEqualTo(12.0);
        assertThat(summary.mean()).isEqualTo(6.0);
        assertThat(summary.stddev()).isEqualTo(1.0);
        assertThat(summary.ss()).isEqualTo(2.0);
    }

    @Test
    void updatingMetadataKeepsIdAndKeyAndDeletingSeriesRemovesTheirPoints() {
        write("a", WriteMode.REPLACE, 0, 1.0);
        Series a = series.get(project, SeriesRef.key("a"));
        Series updated = series.update(project, a.id(), "Alpha", List.of("x"), Map.of("k", "v"));
        assertThat(updated).isEqualTo(new Series(a.id(), "a", "Alpha", List.of("x"), Map.of("k", "v")));
        assertThatThrownBy(() -> series.deleteSeries(project, SeriesFilter.ALL))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(series.deleteSeries(project, new SeriesFilter(Set.of(), Set.of(), Set.of("x"), Map.of())))
                .isEqualTo(1);
        assertThatThrownBy(() -> series.get(project, SeriesRef.key("a"))).isInstanceOf(NotFoundException.class);
        write("a", WriteMode.REPLACE, 60, 2.0);
        assertThat(raw("a", DAY)).containsExactly(p(60, 2.0));
    }

    @Test
    void stateSurvivesAReopenOfTheDataDirectory() {
        write("a", WriteMode.REPLACE, 0, 1.0, 60, 2.0);
        core.close();
        core = SeriesTesting.open(dataDir);
        series = new SeriesService(core.storage(), Clock.systemUTC(), 5);
        // Still in the fresh table: the reopened state must know to look there.
        assertThat(raw("a", DAY)).containsExactly(p(0, 1.0), p(60, 2.0));
        write("a", WriteMode.INCREMENT, 60, 1.0);
        series.create(project, Optional.of("b"));
        assertThat(raw("a", DAY)).containsExactly(p(0, 1.0), p(60, 3.0));
        assertThat(series.list(project, SeriesFilter.ALL)).extracting(Series::key).containsExactly("a", "b");
    }

    /**
     * Compactions append runs sorted by time, and a run may begin before the latest time stored (backfills,
     * replacements, concurrent writers): reads of ranges where the runs are in order skip the sort, the others must
     * not. Each read is asked twice: once before the writer learnt the series' order, once after.
     */
    @Test
    void rawReadsKeepTimeOrderWhenCompactedRunsOverlapInTime() {
        SplittableRandom random = new SplittableRandom(7);
        TreeMap<Long, Double> expected = new TreeMap<>();
        for (int step = 0; step < 80; step++) {
            long base = random.nextInt(10) < 7 ? step * 600L : random.nextInt(step + 1) * 600L;
            int count = 1 + random.nextInt(6);
            double[] pairs = new double[count * 2];
            for (int i = 0; i < count; i++) {
                long seconds = base + random.nextInt(10) * 60L;
                pairs[2 * i] = seconds;
                pairs[2 * i + 1] = step * 100 + i;
                expected.put(seconds, pairs[2 * i + 1]);
            }
            write("s", WriteMode.REPLACE, pairs);
            long from = random.nextInt(step + 1) * 600L;
            long to = from + (1 + random.nextInt(20)) * 600L;
            TimeRange range = TimeRange.of(T0.plusSeconds(from), T0.plusSeconds(to));
            List<Point> want = expected.subMap(from, to).entrySet().stream().map(e -> p(e.getKey(), e.getValue()))
                    .toList();
            assertThat(raw("s", range)).as("step %d", step).isEqualTo(want);
            // Queued after what the read and the write queued (learning the order, a compaction): they are done.
            core.storage().project(project).write(session -> null);
            assertThat(raw("s", range)).as("step %d, read again", step).isEqualTo(want);
        }
    }

    /** The guard behind unsorted reads: were the order ever wrong, the read fails rather than answer out of order. */
    @Test
    void anUnsortedReadThatMeetsAPointOutOfOrderFailsInsteadOfAnsweringIt() {
        write("s", WriteMode.REPLACE, 600, 1.0, 660, 1.0, 720, 1.0, 780, 1.0, 840, 1.0);
        core.storage().project(project).write(session -> null);
        write("s", WriteMode.REPLACE, 0, 2.0, 60, 2.0, 120, 2.0, 180, 2.0, 240, 2.0);
        core.storage().project(project).write(session -> null);
        SeriesTables tables = new SeriesTables(DuckDbDialect.INSTANCE);
        SeriesReads reads = new SeriesReads(tables);
        SeriesRead read = new SeriesRead(DAY, Rollup.raw(), ZoneOffset.UTC);
        assertThatThrownBy(() -> core.storage().project(project).read(session -> {
            reads.read(session, tables.listSeries(session), true, read, new SeriesReads.Plan(false, true),
                    new Collecting());
            return null;
        })).isInstanceOf(SeriesReads.OrderBroken.class);
        // The service, before and after learning the series' order, knows this range is out of order, and sorts.
        assertThat(raw("s", DAY)).hasSize(10).isSortedAccordingTo(Comparator.comparing(Point::t));
        core.storage().project(project).write(session -> null);
        assertThat(raw("s", DAY)).hasSize(10).isSortedAccordingTo(Comparator.comparing(Point::t));
    }

    private Series tagged(String key, List<String> tags, Map<String, String> attributes) {
        Series created = series.create(project, Optional.of(key));
        return series.update(project, created.id(), "", tags, attributes);
    }

    private List<Series> list(Set<String> ids, Set<String> keys, Set<String> tags, Map<String, String> attributes) {
        return series.list(project, new SeriesFilter(ids, keys, tags, attributes));
    }

    /** Writes (seconds after T0, value) pairs to one series. */
    private void write(String key, WriteMode mode, double... secondsAndValues) {
        PointBatch.Builder batch = PointBatch.builder(secondsAndValues.length / 2);
        for (int i = 0; i < secondsAndValues.length; i += 2) {
            batch.add(SeriesRef.key(key), micros((long) secondsAndValues[i]), secondsAndValues[i + 1]);
        }
        series.write(project, batch.build(), mode);
    }

    private List<Point> raw(String key, TimeRange range) {
        Collecting sink = new Collecting();
        series.read(project, SeriesRef.key(key), new SeriesRead(range, Rollup.raw(), ZoneOffset.UTC), sink);
        return sink.only().points();
    }

    private static long micros(long secondsAfterT0) {
        return (T0.getEpochSecond() + secondsAfterT0) * 1_000_000;
    }

    private static Point p(long secondsAfterT0, double value) {
        return new Point(T0.plusSeconds(secondsAfterT0), value);
    }
}
