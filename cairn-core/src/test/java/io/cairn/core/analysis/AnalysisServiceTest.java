package io.cairn.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-checked analyses on a small collection; the randomized comparison is in {@link AnalysisOracleTest}. */
class AnalysisServiceTest {

    @TempDir
    static Path dataDir;

    private static CairnCore core;
    private static ProjectId project;

    @BeforeAll
    static void load() throws Exception {
        CoreConfig d = CoreConfig.defaults();
        core = CairnCore.open(d.withStorage(d.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(256))));
        project = core.projects().createProject("analyses").project().id();
        ingest("buys",
                "{\"user\": \"a\", \"price\": 10, \"country\": \"FR\", \"keen\": {\"timestamp\": \"2024-03-30T10:00:00Z\"}}",
                "{\"user\": \"b\", \"price\": 20, \"country\": \"FR\", \"keen\": {\"timestamp\": \"2024-03-31T10:00:00Z\"}}",
                "{\"user\": \"a\", \"price\": 30, \"country\": \"US\", \"keen\": {\"timestamp\": \"2024-03-31T22:30:00Z\"}}",
                "{\"user\": \"c\", \"price\": 40, \"keen\": {\"timestamp\": \"2024-04-02T10:00:00Z\"}}");
    }

    @AfterAll
    static void close() {
        core.close();
    }

    private static void ingest(String collection, String... events) throws Exception {
        EventParser parser = new EventParser(new JsonFactory());
        List<ParsedEvent> parsed = new ArrayList<>();
        for (String event : events) {
            parsed.add(parser.readOne(event.getBytes(StandardCharsets.UTF_8)));
        }
        core.events().ingest(project, new IngestBatch(List.of(new IngestBatch.CollectionEvents(collection, parsed)),
                Optional.empty()));
    }

    private static AnalysisResult run(Metric metric, List<Filter> filters, TimeRange timeframe, Interval interval,
            ZoneId zone, List<String> groupBy) {
        return core.analyses().run(project, AnalysisQuery.single("buys", metric, filters, timeframe,
                Optional.ofNullable(interval), zone, Timeframe.KEEN_WEEK_START, groupBy, List.of(), null));
    }

    private static Object scalar(Metric metric) {
        return ((AnalysisResult.Values) run(metric, List.of(), null, null, ZoneOffset.UTC, List.of())).metrics()
                .get(AnalysisQuery.RESULT);
    }

    @Test
    void scalarMetrics() {
        assertThat(scalar(new Metric.Count())).isEqualTo(4L);
        assertThat(scalar(new Metric.CountUnique("user"))).isEqualTo(3L);
        assertThat(scalar(new Metric.Sum("price"))).isEqualTo(100.0);
        assertThat(scalar(new Metric.Minimum("price"))).isEqualTo(10.0);
        assertThat(scalar(new Metric.Maximum("price"))).isEqualTo(40.0);
        assertThat(scalar(new Metric.Average("price"))).isEqualTo(25.0);
        assertThat(scalar(new Metric.Median("price"))).isEqualTo(25.0);
        assertThat((Double) scalar(new Metric.Percentile("price", 90))).isCloseTo(37.0, within(1e-9));
        assertThat((Double) scalar(new Metric.StandardDeviation("price"))).isCloseTo(Math.sqrt(125), within(1e-9));
        assertThat(scalar(new Metric.SelectUnique("user"))).isEqualTo(List.of("a", "b", "c"));
        assertThat(scalar(new Metric.Sum("missing"))).isEqualTo(0.0);
        assertThat(scalar(new Metric.Average("missing"))).isNull();
    }

    @Test
    void groupsSortByKeyWithMissingValuesLast() {
        AnalysisResult.Groups groups = (AnalysisResult.Groups) run(new Metric.Sum("price"), List.of(), null, null,
                ZoneOffset.UTC, List.of("country"));
        assertThat(groups.groups()).extracting(g -> g.keys().get("country") + "=" + g.metrics().get("result"))
                .containsExactly("FR=30.0", "US=30.0", "null=40.0");
    }

    @Test
    void dailyIntervalsFollowTheZoneAcrossDstAndFillEmptyDays() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        TimeRange week = TimeRange.of(Instant.parse("2024-03-29T23:00:00Z"), Instant.parse("2024-04-02T22:00:00Z"));
        AnalysisResult.Series series = (AnalysisResult.Series) run(new Metric.Count(), List.of(), week,
                Interval.of(1, CalendarUnit.DAY), paris, List.of());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (AnalysisResult.Bucket bucket : series.buckets()) {
            counts.put(bucket.timeframe().start().toString(),
                    ((AnalysisResult.Values) bucket.value()).metrics().get("result"));
        }
        // 2024-03-31 is 23 hours long in Paris; 22:30Z that day is already April 1st locally.
        assertThat(counts).containsExactly(
                Map.entry("2024-03-29T23:00:00Z", 1L),
                Map.entry("2024-03-30T23:00:00Z", 1L),
                Map.entry("2024-03-31T22:00:00Z", 1L),
                Map.entry("2024-04-01T22:00:00Z", 1L));
    }

    @Test
    void multiUnitIntervalsAndFiltersCombine() {
        TimeRange range = TimeRange.of(Instant.parse("2024-03-30T00:00:00Z"), Instant.parse("2024-04-03T00:00:00Z"));
        AnalysisResult.Series series = (AnalysisResult.Series) run(new Metric.Count(),
                List.of(Filter.of("price", FilterOperator.GT, 10)), range, Interval.of(2, CalendarUnit.DAY),
                ZoneOffset.UTC, List.of());
        assertThat(series.buckets()).extracting(b -> ((AnalysisResult.Values) b.value()).metrics().get("result"))
                .containsExactly(2L, 1L);
    }

    @Test
    void multiAnalysisComputesEveryMetricInOneAnswer() {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("buyers", new Metric.CountUnique("user"));
        metrics.put("revenue", new Metric.Sum("price"));
        AnalysisResult.Values values = (AnalysisResult.Values) core.analyses().run(project, new AnalysisQuery("buys",
                metrics, List.of(), null, Optional.empty(), ZoneOffset.UTC, DayOfWeek.SUNDAY, List.of(), List.of(),
                null));
        assertThat(values.metrics()).containsExactly(Map.entry("buyers", 3L), Map.entry("revenue", 100.0));
    }

    @Test
    void extractionRebuildsNestedEventsOldestFirstAndLatestTakesTheNewest() throws Exception {
        ingest("x", "{\"a\": {\"b\": 1, \"c\": [1, \"two\"]}, \"keen\": {\"timestamp\": \"2024-01-01T00:00:00Z\"}}",
                "{\"a\": {\"b\": 2.5}, \"s\": \"x\", \"keen\": {\"timestamp\": \"2024-01-03T00:00:00Z\","
                        + " \"location\": {\"city\": \"Oslo\"}}}",
                "{\"a\": {\"b\": 3}, \"when\": \"2024-05-06T07:08:09.123456Z\", \"ok\": true,"
                        + " \"keen\": {\"timestamp\": \"2024-01-02T00:00:00Z\"}}");
        ArrayNode all = GoldenJson.extracted(core, project, new ExtractionQuery("x", List.of(), null, null, List.of()));
        assertThat(all.findValuesAsText("b")).containsExactly("1", "3", "2.5");
        assertThat(GoldenJson.extractedAsCharacters(core, project, new ExtractionQuery("x", List.of(), null, null,
                List.of()))).isEqualTo(all);
        JsonNode first = all.get(0);
        assertThat(first.get("keen").get("timestamp").asText()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(first.get("keen").get("id").asText()).hasSize(24);
        assertThat(first.get("a").get("c").toString()).isEqualTo("[1,\"two\"]");
        assertThat(first.has("s")).as("missing properties are left out").isFalse();
        assertThat(all.get(1).get("when").asText()).isEqualTo("2024-05-06T07:08:09.123Z");
        assertThat(all.get(1).get("ok").booleanValue()).isTrue();
        assertThat(all.get(2).get("keen").get("location").get("city").asText()).isEqualTo("Oslo");

        ArrayNode latest = GoldenJson.extracted(core, project, new ExtractionQuery("x", List.of(), null, 2,
                List.of("s")));
        assertThat(latest.findValuesAsText("s")).containsExactly("x");
        assertThat(latest.get(0).fieldNames()).toIterable().as("no object is left empty").containsExactly("keen");
        assertThat(latest.get(1).get("keen").get("timestamp").asText()).isEqualTo("2024-01-03T00:00:00.000Z");
    }

    @Test
    void latestWidensItsWindowWhenTheNewestEventsDoNotMatchAndWritesEachEventOnce() throws Exception {
        String[] days = new String[40];
        for (int day = 0; day < days.length; day++) {
            days[day] = "{\"day\": " + day + ", \"keen\": {\"timestamp\": \""
                    + Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day) + "\"}}";
        }
        ingest("days", days);
        // The first window reaches back about 12 days: it holds day 39 only, which must not be written yet.
        ArrayNode spread = GoldenJson.extracted(core, project, new ExtractionQuery("days",
                List.of(Filter.of("day", FilterOperator.IN, List.of(0.0, 1.0, 39.0))), null, 3, List.of()));
        assertThat(spread.findValuesAsText("day")).containsExactly("0", "1", "39");
        ArrayNode all = GoldenJson.extracted(core, project, new ExtractionQuery("days",
                List.of(Filter.of("day", FilterOperator.LT, 3.0)), null, 5, List.of()));
        assertThat(all.findValuesAsText("day")).containsExactly("0", "1", "2");
    }

    @Test
    void latestCutsThroughEventsThatShareTheOldestKeptTimestamp() throws Exception {
        String[] events = new String[8];
        for (int i = 0; i < events.length; i++) {
            events[i] = "{\"n\": " + i + ", \"keen\": {\"timestamp\": \"2024-01-0" + (i < 5 ? 1 : 2) + "T00:00:00Z\"}}";
        }
        ingest("ties", events);
        ArrayNode latest = GoldenJson.extracted(core, project, new ExtractionQuery("ties", List.of(), null, 5,
                List.of()));
        assertThat(latest.findValuesAsText("timestamp")).containsExactly("2024-01-01T00:00:00.000Z",
                "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z",
                "2024-01-02T00:00:00.000Z");
        assertThat(latest.findValuesAsText("n")).contains("5", "6", "7").doesNotHaveDuplicates();
    }

    @Test
    void latestAskedAgainStartsWhereItsLastAnswerBeganAndStaysRightAfterWritesAndDeletes() throws Exception {
        Instant start = Instant.parse("2024-02-01T00:00:00Z");
        String[] hours = new String[10];
        for (int hour = 0; hour < hours.length; hour++) {
            hours[hour] = numbered(hour, start.plusSeconds(3600L * hour));
        }
        ingest("again", hours);
        ExtractionQuery newestThree = new ExtractionQuery("again", List.of(), null, 3, List.of());
        assertThat(GoldenJson.extracted(core, project, newestThree).findValuesAsText("n"))
                .containsExactly("7", "8", "9");
        // A newer event joins the answer; a late one, older than it, does not.
        ingest("again", numbered(10, start.plusSeconds(36_000)), numbered(-1, start.minusSeconds(86_400)));
        assertThat(GoldenJson.extracted(core, project, newestThree).findValuesAsText("n"))
                .containsExactly("8", "9", "10");
        // Where the last answer began, one event is left: the extraction must look further back again.
        core.events().deleteEvents(project, "again", List.of(Filter.of("n", FilterOperator.GTE, 9.0)), null);
        assertThat(GoldenJson.extracted(core, project, newestThree).findValuesAsText("n"))
                .containsExactly("6", "7", "8");
    }

    @Test
    void latestBeyondWhatIsHeldStreamsTheNewestOldestFirst() throws Exception {
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        String[] events = new String[Extractions.HELD_EVENTS + 5];
        for (int i = 0; i < events.length; i++) {
            events[i] = numbered(i, start.plusSeconds(i));
        }
        ingest("many", events);
        ExtractionQuery query = new ExtractionQuery("many", List.of(), null, Extractions.HELD_EVENTS + 1, List.of());
        for (int asked = 0; asked < 2; asked++) {
            List<String> numbers = GoldenJson.extracted(core, project, query).findValuesAsText("n");
            assertThat(numbers).hasSize(Extractions.HELD_EVENTS + 1);
            assertThat(numbers.getFirst()).isEqualTo("4");
            assertThat(numbers.getLast()).isEqualTo(String.valueOf(Extractions.HELD_EVENTS + 4));
            assertThat(numbers).isSortedAccordingTo(Comparator.comparingInt(Integer::parseInt));
        }
    }

    private static String numbered(int n, Instant timestamp) {
        return "{\"n\": " + n + ", \"keen\": {\"timestamp\": \"" + timestamp + "\"}}";
    }

    @Test
    void funnelsNarrowByStepWithOptionalAndInvertedSteps() throws Exception {
        ingest("visits", "{\"uid\": \"a\"}", "{\"uid\": \"b\"}", "{\"uid\": \"c\"}", "{\"uid\": \"d\"}");
        ingest("signups", "{\"who\": \"a\"}", "{\"who\": \"b\"}", "{\"who\": \"c\"}", "{\"who\": \"z\"}");
        ingest("support", "{\"uid\": \"a\"}");
        ingest("orders", "{\"uid\": \"b\"}", "{\"uid\": \"c\"}", "{\"uid\": \"a\"}");
        FunnelQuery.Result result = core.analyses().funnel(project, new FunnelQuery(List.of(
                step("visits", "uid", false, false, false),
                step("signups", "who", false, false, true),
                step("support", "uid", false, true, false),
                step("orders", "uid", true, false, true))));
        // signed up: a, b, c; never contacted support: b, c (inverted); ordered: b, c (optional: counted only)
        assertThat(result.counts()).containsExactly(4L, 3L, 2L, 2L);
        assertThat(result.actors()).isEqualTo(Arrays.asList(null, List.of("a", "b", "c"), null, List.of("b", "c")));
    }

    private static FunnelQuery.Step step(String collection, String actor, boolean optional, boolean inverted,
            boolean withActors) {
        return new FunnelQuery.Step(collection, actor, List.of(), null, optional, inverted, withActors);
    }

    @Test
    void anUnknownCollectionAnswersEmptyValues() {
        AnalysisResult result = core.analyses().run(project, AnalysisQuery.single("nothing", new Metric.Count(),
                List.of(), null, Optional.empty(), ZoneOffset.UTC, DayOfWeek.SUNDAY, List.of(), List.of(), null));
        assertThat(((AnalysisResult.Values) result).metrics()).containsEntry("result", 0L);
    }
}
