package io.cairn.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.CalendarUnit;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.Timeframe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of analyses — every metric, with and without filters, groups and intervals (in a zone whose clocks
 * fall back during the data) — answered by the engine and by {@link Oracle} from the same events held in memory.
 */
class AnalysisOracleTest {

    @TempDir
    static Path dataDir;

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant START = Instant.parse("2024-10-28T00:00:00Z");
    private static final List<Map<String, Object>> EVENTS = new ArrayList<>();
    private static final List<Instant> TIMES = new ArrayList<>();
    private static CairnCore core;
    private static ProjectId project;

    @BeforeAll
    static void load() throws Exception {
        CoreConfig d = CoreConfig.defaults();
        core = CairnCore.open(d.withStorage(d.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(256))));
        project = core.projects().createProject("oracle").project().id();
        Random random = new Random(7);
        EventParser parser = new EventParser(new JsonFactory());
        List<ParsedEvent> parsed = new ArrayList<>();
        String[] countries = {"FR", "US", "DE"};
        for (int i = 0; i < 400; i++) {
            Map<String, Object> event = new HashMap<>();
            Instant at = START.plusSeconds(random.nextInt(14 * 86_400));
            event.put("user", "u" + random.nextInt(30));
            if (random.nextInt(10) > 0) {
                event.put("country", countries[random.nextInt(3)]);
            }
            if (random.nextInt(5) > 0) {
                event.put("price", Math.round(random.nextDouble() * 10_000) / 100.0);
            }
            event.put("qty", (double) (1 + random.nextInt(5)));
            event.put("gift", random.nextBoolean());
            event.put("tags", random.nextBoolean() ? List.of("a", "b") : List.of("c"));
            event.put("seen", START.plusSeconds(random.nextInt(1_000_000)));
            EVENTS.add(event);
            TIMES.add(at);
            StringBuilder json = new StringBuilder("{\"keen\": {\"timestamp\": \"").append(at).append("\"}");
            event.forEach((key, value) -> json.append(", \"").append(key).append("\": ").append(json(value)));
            parsed.add(parser.readOne(json.append('}').toString().getBytes(StandardCharsets.UTF_8)));
        }
        core.events().ingest(project, new IngestBatch(List.of(new IngestBatch.CollectionEvents("e", parsed)),
                Optional.empty()));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    private static String json(Object value) {
        return switch (value) {
            case String s -> "\"" + s + "\"";
            case Instant t -> "\"" + t + "\"";
            case List<?> list -> list.stream().map(AnalysisOracleTest::json).toList().toString();
            default -> value.toString();
        };
    }

    @Test
    void theEngineAgreesWithTheOracleOnEveryCombination() {
        List<Metric> metrics = List.of(new Metric.Count(), new Metric.CountUnique("user"), new Metric.Sum("price"),
                new Metric.Minimum("price"), new Metric.Maximum("price"), new Metric.Average("price"),
                new Metric.Median("price"), new Metric.Percentile("price", 90),
                new Metric.StandardDeviation("qty"), new Metric.SelectUnique("country"));
        List<List<Filter>> filterSets = List.of(List.of(),
                List.of(Filter.of("country", FilterOperator.EQ, "FR"), Filter.of("qty", FilterOperator.GTE, 3)),
                List.of(Filter.of("tags", FilterOperator.CONTAINS, "a"), Filter.of("gift", FilterOperator.EQ, true)),
                List.of(Filter.of("price", FilterOperator.EXISTS, false)),
                List.of(Filter.of("seen", FilterOperator.LT, "2024-11-01T00:00:00Z"),
                        Filter.of("user", FilterOperator.IN, List.of("u1", "u2", "u3", "u4", "u5")),
                        Filter.of("country", FilterOperator.NE, "US")));
        List<List<String>> groupings = List.of(List.of(), List.of("country"), List.of("country", "gift"));
        record Split(Interval interval, ZoneId zone) {}
        List<Split> splits = new ArrayList<>();
        splits.add(null);
        splits.add(new Split(Interval.of(1, CalendarUnit.DAY), NEW_YORK));
        splits.add(new Split(Interval.of(1, CalendarUnit.HOUR), NEW_YORK));
        splits.add(new Split(Interval.of(6, CalendarUnit.HOUR), ZoneOffset.UTC));
        splits.add(new Split(Interval.of(1, CalendarUnit.WEEK), NEW_YORK));
        splits.add(new Split(Interval.of(1, CalendarUnit.MONTH), ZoneOffset.UTC));
        TimeRange range = TimeRange.of(START.plus(Duration.ofHours(37)), START.plus(Duration.ofDays(12)));
        int checked = 0;
        for (Metric metric : metrics) {
            for (List<Filter> filters : filterSets) {
                for (List<String> groupBy : groupings) {
                    for (Split split : splits) {
                        ZoneId zone = split == null ? ZoneOffset.UTC : split.zone();
                        Optional<Interval> interval = Optional.ofNullable(split).map(Split::interval);
                        TimeRange timeframe = split == null && filters.isEmpty() ? null : range;
                        AnalysisQuery query = AnalysisQuery.single("e", metric, filters, timeframe, interval, zone,
                                Timeframe.KEEN_WEEK_START, groupBy, List.of(), null);
                        assertThat(normalize(core.analyses().run(project, query)))
                                .as("%s filters=%s groupBy=%s interval=%s", metric, filters, groupBy, split)
                                .isEqualTo(expected(query));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(10 * 5 * 3 * 6);
    }

    /** What the oracle says the engine should answer, in the normalized form. */
    private static Object expected(AnalysisQuery query) {
        Metric metric = query.metrics().get(AnalysisQuery.RESULT);
        List<Map<String, Object>> matching = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < EVENTS.size(); i++) {
            if (Oracle.matches(EVENTS.get(i), TIMES.get(i), query.filters(), query.timeframe())) {
                matching.add(EVENTS.get(i));
                times.add(TIMES.get(i));
            }
        }
        if (query.interval().isEmpty()) {
            return answer(metric, matching, query.groupBy());
        }
        List<Object> series = new ArrayList<>();
        Interval interval = query.interval().get();
        for (TimeRange bucket : OracleCalendar.buckets(query.timeframe(), interval.count(), interval.unit(),
                query.zone())) {
            List<Map<String, Object>> inBucket = new ArrayList<>();
            for (int i = 0; i < matching.size(); i++) {
                if (bucket.contains(times.get(i))) {
                    inBucket.add(matching.get(i));
                }
            }
            series.add(Arrays.asList(bucket.start().toString(), answer(metric, inBucket, query.groupBy())));
        }
        return series;
    }

    private static Object answer(Metric metric, List<Map<String, Object>> events, List<String> groupBy) {
        if (groupBy.isEmpty()) {
            return round(events.isEmpty() && !(metric instanceof Metric.Count || metric instanceof Metric.CountUnique
                    || metric instanceof Metric.Sum || metric instanceof Metric.SelectUnique)
                    ? null : Oracle.metric(metric, events, Set.of()));
        }
        List<Object> groups = new ArrayList<>();
        Oracle.group(events, groupBy, Set.of()).forEach((key, members) -> groups.add(Arrays.asList(
                Oracle.keys(groupBy, key).toString(), round(Oracle.metric(metric, members, Set.of())))));
        return groups;
    }

    private static Object normalize(AnalysisResult result) {
        return switch (result) {
            case AnalysisResult.Values values -> round(values.metrics().get(AnalysisQuery.RESULT));
            case AnalysisResult.Groups groups -> {
                List<Object> rows = new ArrayList<>();
                for (AnalysisResult.Group group : groups.groups()) {
                    rows.add(Arrays.asList(new LinkedHashMap<>(group.keys()).toString(),
                            round(group.metrics().get(AnalysisQuery.RESULT))));
                }
                yield rows;
            }
            case AnalysisResult.Series series -> {
                List<Object> buckets = new ArrayList<>();
                for (AnalysisResult.Bucket bucket : series.buckets()) {
                    buckets.add(Arrays.asList(bucket.timeframe().start().toString(), normalize(bucket.value())));
                }
                yield buckets;
            }
        };
    }

    /** Numbers compared to 9 significant digits (sums of doubles differ in their last bits by summation order). */
    private static Object round(Object value) {
        if (value instanceof Number number) {
            return String.format("%.9g", number.doubleValue());
        }
        return value;
    }
}
