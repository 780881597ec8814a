package io.cairn.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.core.CairnCore;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.SeriesTesting.Collecting;
import io.cairn.core.series.SeriesTesting.Point;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden rollups: random points, folded by the engine and, independently, by plain Java here (bucket starts from
 * local dates and clock readings, folds over lists). Points span two years so that DST days, months and years occur.
 */
class SeriesRollupTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    static Path dataDir;

    private static CairnCore core;
    private static SeriesService series;
    private static ProjectId project;
    private static final List<Point> POINTS = new ArrayList<>();

    @BeforeAll
    static void load() {
        core = SeriesTesting.open(dataDir);
        series = new SeriesService(core.storage(), Clock.systemUTC(), 20_000);
        project = core.projects().createProject("rollups").project().id();
        Random random = new Random(7);
        PointBatch.Builder batch = PointBatch.builder(60_000);
        // Irregular gaps of up to ~50 minutes, with a quiet week (empty buckets) in the middle.
        for (Instant t = START; t.isBefore(END); t = t.plusSeconds(60 + random.nextInt(3000))) {
            if (t.isAfter(Instant.parse("2024-02-01T00:00:00Z")) && t.isBefore(Instant.parse("2024-02-08T00:00:00Z"))) {
                continue;
            }
            double v = Math.round(random.nextGaussian() * 1000) / 10.0;
            POINTS.add(new Point(t, v));
            batch.add(SeriesRef.key("golden"), ChronoUnit.MICROS.between(Instant.EPOCH, t), v);
        }
        series.write(project, batch.build(), WriteMode.REPLACE);
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @ParameterizedTest
    @EnumSource(RollupFunction.class)
    void everyFunctionByHourInUtcOverAMonth(RollupFunction function) {
        TimeRange range = range("2023-03-01T00:00:00Z", "2023-04-01T00:00:00Z");
        check(range, Interval.of(1, CalendarUnit.HOUR), function, ZoneOffset.UTC,
                t -> t.truncatedTo(ChronoUnit.HOURS));
    }

    @ParameterizedTest
    @EnumSource(RollupFunction.class)
    void everyFunctionByDayInNewYorkAcrossBothDaylightSavingShifts(RollupFunction function) {
        TimeRange range = range("2024-03-01T05:00:00Z", "2024-11-30T05:00:00Z");
        check(range, Interval.of(1, CalendarUnit.DAY), function, NEW_YORK,
                t -> t.atZone(NEW_YORK).toLocalDate().atStartOfDay(NEW_YORK).toInstant());
    }

    @Test
    void hourlyBucketsOfAFallBackDayAre25AndFollowTheLocalClock() {
        // 2024-11-03 in New York: 01:00-02:00 happens twice, first at -04:00, then at -05:00.
        TimeRange day = range("2024-11-03T04:00:00Z", "2024-11-04T05:00:00Z");
        List<Point> actual = read(day, Rollup.of(Interval.of(1, CalendarUnit.HOUR), RollupFunction.COUNT), NEW_YORK);
        List<Point> expected = fold(day, RollupFunction.COUNT, t -> t.truncatedTo(ChronoUnit.HOURS));
        assertSame(actual, expected);
        assertThat(expected.size()).isBetween(20, 25);
    }

    @Test
    void monthBucketsInNewYorkStartAtLocalMidnightOfTheFirst() {
        check(range("2023-01-01T05:00:00Z", "2024-12-01T05:00:00Z"), Interval.of(1, CalendarUnit.MONTH),
                RollupFunction.SUM, NEW_YORK,
                t -> t.atZone(NEW_YORK).toLocalDate().withDayOfMonth(1).atStartOfDay(NEW_YORK).toInstant());
    }

    @Test
    void yearBuckets() {
        check(range("2023-01-01T00:00:00Z", "2025-01-01T00:00:00Z"), Interval.of(1, CalendarUnit.YEAR),
                RollupFunction.MAX, ZoneOffset.UTC,
                t -> LocalDate.of(t.atZone(ZoneOffset.UTC).getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void quarterHoursAlignToTheClockAndQuartersToTheCalendar() {
        check(range("2023-06-10T00:00:00Z", "2023-06-12T00:00:00Z"), Interval.of(15, CalendarUnit.MINUTE),
                RollupFunction.MEAN, ZoneOffset.UTC,
                t -> Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 900) * 900));
        check(range("2023-01-01T00:00:00Z", "2025-01-01T00:00:00Z"), Interval.of(3, CalendarUnit.MONTH),
                RollupFunction.MIN, ZoneOffset.UTC, t -> {
                    LocalDate date = t.atZone(ZoneOffset.UTC).toLocalDate();
                    return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1)
                            .atStartOfDay(ZoneOffset.UTC).toInstant();
                });
    }

    @Test
    void weeksStartOnMonday() {
        check(range("2023-05-01T00:00:00Z", "2023-08-01T00:00:00Z"), Interval.of(1, CalendarUnit.WEEK),
                RollupFunction.COUNT, ZoneOffset.UTC, t -> {
                    LocalDate date = t.atZone(ZoneOffset.UTC).toLocalDate();
                    return date.minusDays(date.getDayOfWeek().getValue() - 1).atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                });
    }

    @Test
    void emptyBucketsAreOmitted() {
        TimeRange range = range("2024-01-30T00:00:00Z", "2024-02-10T00:00:00Z");
        List<Point> daily = read(range, Rollup.of(Interval.of(1, CalendarUnit.DAY), RollupFunction.COUNT),
                ZoneOffset.UTC);
        assertThat(daily).extracting(Point::t).doesNotContain(Instant.parse("2024-02-03T00:00:00Z"));
        // Eleven days, of which February 1 to 7 have no points.
        assertThat(daily).hasSize(11 - 7);
    }

    @Test
    void autoRollupIsRawUpToTwoDaysHourlyMeanUpToThirtyAndDailyMeanBeyond() {
        Instant from = Instant.parse("2023-07-01T00:00:00Z");
        TimeRange twoDays = TimeRange.of(from, from.plus(Duration.ofDays(2)));
        assertThat(read(twoDays, Rollup.auto(), ZoneOffset.UTC)).isEqualTo(inRange(twoDays));
        TimeRange justOver = TimeRange.of(from, from.plus(Duration.ofDays(2)).plusSeconds(60));
        assertSame(read(justOver, Rollup.auto(), ZoneOffset.UTC),
                fold(justOver, RollupFunction.MEAN, t -> t.truncatedTo(ChronoUnit.HOURS)));
        TimeRange thirty = TimeRange.of(from, from.plus(Duration.ofDays(30)));
        assertSame(read(thirty, Rollup.auto(), ZoneOffset.UTC),
                fold(thirty, RollupFunction.MEAN, t -> t.truncatedTo(ChronoUnit.HOURS)));
        TimeRange over = TimeRange.of(from, from.plus(Duration.ofDays(30)).plusSeconds(60));
        assertSame(read(over, Rollup.auto(), ZoneOffset.UTC),
                fold(over, RollupFunction.MEAN, t -> t.truncatedTo(ChronoUnit.DAYS)));
    }

    @Test
    void theSummaryCoversTheRawPointsOfTheRangeWhateverTheRollup() {
        TimeRange range = range("2023-03-01T00:00:00Z", "2023-04-01T00:00:00Z");
        Collecting sink = new Collecting();
        series.read(project, SeriesRef.key("golden"), new SeriesRead(range,
                Rollup.of(Interval.of(1, CalendarUnit.DAY), RollupFunction.MAX), ZoneOffset.UTC), sink);
        Summary summary = sink.only().summary();
        List<Double> values = inRange(range).stream().map(Point::v).toList();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        assertThat(summary.count()).isEqualTo(values.size());
        assertThat(summary.sum()).isCloseTo(values.stream().mapToDouble(Double::doubleValue).sum(), within(1e-6));
        assertThat(summary.mean()).isCloseTo(mean, within(1e-9));
        assertThat(summary.min()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(summary.max()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(summary.ss()).isCloseTo(ss, within(1e-6));
        assertThat(summary.stddev()).isCloseTo(Math.sqrt(ss / values.size()), within(1e-9));
    }

    private static void check(TimeRange range, Interval interval, RollupFunction function, ZoneId zone,
            Function<Instant, Instant> bucketOf) {
        List<Point> actual = read(range, Rollup.of(interval, function), zone);
        assertSame(actual, fold(range, function, bucketOf));
    }

    private static List<Point> read(TimeRange range, Rollup rollup, ZoneId zone) {
        Collecting sink = new Collecting();
        series.read(project, SeriesRef.key("golden"), new SeriesRead(range, rollup, zone), sink);
        return sink.only().points();
    }

    private static List<Point> inRange(TimeRange range) {
        return POINTS.stream().filter(p -> range.contains(p.t())).toList();
    }

    /** The expected answer: points grouped by {@code bucketOf}, folded in plain Java. */
    private static List<Point> fold(TimeRange range, RollupFunction function, Function<Instant, Instant> bucketOf) {
        Map<Instant, List<Double>> buckets = new TreeMap<>();
        for (Point point : inRange(range)) {
            buckets.computeIfAbsent(bucketOf.apply(point.t()), b -> new ArrayList<>()).add(point.v());
        }
        List<Point> folded = new ArrayList<>();
        buckets.forEach((start, values) -> folded.add(new Point(start, fold(function, values))));
        return folded;
    }

    /** {@code values} are in time order. */
    private static double fold(RollupFunction function, List<Double> values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return switch (function) {
            case SUM -> sum;
            case MAX -> max;
            case MIN -> min;
            case MEAN -> mean;
            case STDDEV -> Math.sqrt(squares / values.size());
            case COUNT -> values.size();
            case FIRST -> values.getFirst();
            case LAST -> values.getLast();
            case RANGE -> max - min;
        };
    }

    private static void assertSame(List<Point> actual, List<Point> expected) {
        assertThat(actual).extracting(Point::t).containsExactlyElementsOf(expected.stream().map(Point::t).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).v()).as("bucket %s", expected.get(i).t())
                    .isCloseTo(expected.get(i).v(), within(1e-6));
        }
        assertThat(expected).isNotEmpty();
    }

    private static TimeRange range(String start, String end) {
        return TimeRange.of(Instant.parse(start), Instant.parse(end));
    }

}
