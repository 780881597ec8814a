package io.cairn.core.dataset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.analysis.AnalysisQuery;
import io.cairn.core.analysis.AnalysisResult;
import io.cairn.core.analysis.Metric;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.event.EventParser;
import io.cairn.core.event.IngestBatch;
import io.cairn.core.event.ParsedEvent;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.Filter;
import io.cairn.core.model.FilterOperator;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeZones;
import io.cairn.core.model.Timeframe;
import io.cairn.core.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached datasets on a real engine, with a clock the tests move. Every answer is compared with the same analysis
 * run directly on the events (filtered to the index value), which shares none of the dataset's machinery.
 */
class DatasetServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T15:00:00Z"));
    private CairnCore core;
    private DatasetService datasets;
    private ProjectId project;

    /**
     * A small definition language of our own: {@code {"collection", "sum": property (else a count), "window",
     * "interval", "zone", "group_by"}}.
     */
    private static final DatasetLanguage SIMPLE = new DatasetLanguage() {
        @Override
        public String id() {
            return "simple";
        }

        @Override
        public DatasetQuery compile(JsonNode definition, List<String> indexBy) {
            Metric metric = definition.has("sum") ? new Metric.Sum(definition.get("sum").asText()) : new Metric.Count();
            List<String> groupBy = new ArrayList<>();
            definition.path("group_by").forEach(property -> groupBy.add(property.asText()));
            return new DatasetQuery(definition.path("collection").asText(null), Map.of(AnalysisQuery.RESULT, metric),
                    List.of(), Timeframe.parse(definition.path("window").asText()),
                    Interval.parse(definition.path("interval").asText()),
                    TimeZones.parse(definition.path("zone").asText(null)), Timeframe.KEEN_WEEK_START, groupBy,
                    indexBy);
        }
    };

    @BeforeEach
    void open() {
        reopen();
        project = core.projects().createProject("datasets").project().id();
    }

    private void reopen() {
        CoreConfig d = CoreConfig.defaults();
        core = CairnCore.open(d.withStorage(d.storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(128))),
                clock);
        datasets = core.datasets();
        datasets.register(SIMPLE);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void aDatasetAnswersEachIndexValuesBucketsAsADirectAnalysisDoes() {
        ingest("{\"shop\": \"a\", \"price\": 3, \"keen\": {\"timestamp\": \"2026-05-18T10:00:00Z\"}}",
                "{\"shop\": \"a\", \"price\": 4, \"keen\": {\"timestamp\": \"2026-05-18T23:30:00Z\"}}",
                "{\"shop\": \"b\", \"price\": 5, \"keen\": {\"timestamp\": \"2026-05-19T01:00:00Z\"}}",
                "{\"shop\": \"a\", \"price\": 6, \"keen\": {\"timestamp\": \"2026-05-20T09:00:00Z\"}}",
                "{\"shop\": \"c\", \"price\": 7, \"keen\": {\"timestamp\": \"2026-04-01T09:00:00Z\"}}");
        save("sales", "{\"collection\": \"buys\", \"sum\": \"price\", \"window\": \"this_7_days\","
                + " \"interval\": \"daily\", \"zone\": \"Europe/Paris\"}", "shop");

        for (String shop : List.of("a", "b", "c", "nobody")) {
            assertMatchesDirect("sales", Map.of("shop", shop), "this_7_days", "price");
        }
        AnalysisResult.Series a = series("sales", Map.of("shop", "a"), "this_3_days");
        assertThat(a.buckets()).extracting(bucket -> ((AnalysisResult.Values) bucket.value()).metrics().get("result"))
                .containsExactly(3.0, 4.0, 6.0);
    }

    @Test
    void eventsRecordedLaterReachTheDatasetAtTheNextRefreshAndOnlyThen() {
        ingest("{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-19T10:00:00Z\"}}");
        save("visits", "{\"collection\": \"buys\", \"window\": \"this_7_days\", \"interval\": \"daily\"}", "shop");
        assertThat(total("visits", "a")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        ingest("{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-20T15:05:00Z\"}}",
                "{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-15T08:00:00Z\"}}",
                "{\"shop\": \"b\", \"keen\": {\"timestamp\": \"2026-05-16T08:00:00Z\"}}");
        assertThat(total("visits", "a")).as("served as of the last refresh").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));

        assertThat(datasets.refreshDue()).isEqualTo(1);
        assertThat(total("visits", "a")).isEqualTo(3);
        assertMatchesDirect("visits", Map.of("shop", "a"), "this_7_days", null);
        assertMatchesDirect("visits", Map.of("shop", "b"), "this_7_days", null);

        clock.advance(Duration.ofMinutes(10));
        assertThat(datasets.refreshDue()).as("nothing recorded since").isZero();
    }

    @Test
    void eventsRecordedBeforeARestartAreFoundByTheFirstRefreshAfterIt() {
        save("visits", "{\"collection\": \"buys\", \"window\": \"this_7_days\", \"interval\": \"hourly\"}", "shop");
        datasets.refreshDue();
        clock.advance(Duration.ofSeconds(30));
        ingest("{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-20T11:15:00Z\"}}");
        core.close();
        clock.advance(Duration.ofMinutes(30));
        reopen();
        assertThat(datasets.refreshDue()).isEqualTo(1);
        assertThat(total("visits", "a")).isEqualTo(1);
    }

    @Test
    void deletingEventsRebuildsTheDatasetsOnTheirCollection() {
        ingest("{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-19T10:00:00Z\"}}",
                "{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-20T10:00:00Z\"}}");
        save("visits", "{\"collection\": \"buys\", \"window\": \"this_7_days\", \"interval\": \"daily\"}", "shop");
        assertThat(total("visits", "a")).isEqualTo(2);
        core.events().deleteEvents(project, "buys", List.of(), Timeframe.absolute("2026-05-19T00:00:00Z",
                "2026-05-20T00:00:00Z").resolve(clock.instant(), TimeZones.parse(null), Timeframe.KEEN_WEEK_START));
        assertThat(datasets.refreshedAt(datasets.get(project, "visits"))).isEmpty();
        assertThat(total("visits", "a")).isEqualTo(1);
        assertMatchesDirect("visits", Map.of("shop", "a"), "this_7_days", null);
    }

    @Test
    void theWindowMovesWithTheClockAndEarlierTimeframesAreRefused() {
        ingest("{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-14T10:00:00Z\"}}",
                "{\"shop\": \"a\", \"keen\": {\"timestamp\": \"2026-05-20T10:00:00Z\"}}");
        clock.advance(Duration.ofSeconds(1));
        save("visits", "{\"collection\": \"buys\", \"window\": \"this_7_days\", \"interval\": \"daily\"}", "shop");
        assertThat(total("visits", "a")).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(datasets.refreshDue()).isZero();
        assertThat(total("visits", "a")).isEqualTo(1);
        assertThatThrownBy(() -> series("visits", Map.of("shop", "a"), "this_8_days"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMEFRAME));
    }

    @Test
    void aGroupedDatasetKeepsItsGroupsPerIndexValueAndNumbersIndexByValue() {
        ingest("{\"shop\": 7, \"country\": \"FR\", \"keen\": {\"timestamp\": \"2026-05-20T10:00:00Z\"}}",
                "{\"shop\": 7, \"country\": \"US\", \"keen\": {\"timestamp\": \"2026-05-20T11:00:00Z\"}}",
                "{\"shop\": 7, \"country\": \"US\", \"keen\": {\"timestamp\": \"2026-05-20T12:00:00Z\"}}",
                "{\"shop\": 8, \"country\": \"US\", \"keen\": {\"timestamp\": \"2026-05-20T12:00:00Z\"}}");
        save("countries", "{\"collection\": \"buys\", \"window\": \"this_2_days\", \"interval\": \"daily\","
                + " \"group_by\": [\"country\"]}", "shop");
        AnalysisResult.Series series = series("countries", Map.of("shop", 7), "this_2_days");
        assertThat(series.buckets().getFirst().value()).isEqualTo(new AnalysisResult.Groups(List.of()));
        AnalysisResult.Groups today = (AnalysisResult.Groups) series.buckets().getLast().value();
        assertThat(today.groups()).extracting(group -> group.keys().get("country") + "=" + group.metrics()
                .get("result")).containsExactlyInAnyOrder("FR=1", "US=2");
        assertThat(series("countries", Map.of("shop", 7.0), "this_2_days")).isEqualTo(series);
    }

    @Test
    void replacingADefinitionRebuildsItAndDeletingRemovesIt() {
        ingest("{\"shop\": \"a\", \"price\": 5, \"keen\": {\"timestamp\": \"2026-05-20T10:00:00Z\"}}");
        save("d", "{\"collection\": \"buys\", \"window\": \"this_7_days\", \"interval\": \"daily\"}", "shop");
        assertThat(total("d", "a")).isEqualTo(1);
        assertThat(datasets.save(project, "simple", "d", "D", json("{\"collection\": \"buys\", \"sum\": \"price\","
                + " \"window\": \"this_7_days\", \"interval\": \"daily\"}"), List.of("shop")).created()).isFalse();
        assertThat(total("d", "a")).isEqualTo(5);

        datasets.delete(project, "d");
        assertThatThrownBy(() -> datasets.get(project, "d")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DATASET_NOT_FOUND));
        assertThat(datasets.list(project)).isEmpty();
    }

    @Test
    void badDefinitionsAreRefused() {
        assertThatThrownBy(() -> save("d", "{\"collection\": \"buys\", \"window\": \"this_30_days\","
                + " \"interval\": \"minutely\"}", "shop")).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_BUCKETS));
        assertThatThrownBy(() -> save("d", "{\"collection\": \"buys\", \"window\": \"this_3_days\","
                + " \"interval\": \"every_2_days\"}", "shop")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("daily");
        assertThatThrownBy(() -> datasets.save(project, "simple", "d", null, json("{\"collection\": \"buys\","
                + " \"window\": \"this_3_days\", \"interval\": \"daily\"}"), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("index_by");
        assertThatThrownBy(() -> save("bad\u0001name", "{\"collection\": \"buys\", \"window\": \"this_3_days\","
                + " \"interval\": \"daily\"}", "shop")).isInstanceOf(InvalidRequestException.class);
        assertThat(datasets.list(project)).isEmpty();
    }

    private void save(String name, String definition, String indexBy) {
        datasets.save(project, "simple", name, null, json(definition), List.of(indexBy));
    }

    private AnalysisResult.Series series(String name, Map<String, Object> index, String timeframe) {
        return datasets.results(project, name, index, Timeframe.parse(timeframe)).series();
    }

    /** The sum over the dataset's window of one shop's values. */
    private long total(String name, String shop) {
        long total = 0;
        for (AnalysisResult.Bucket bucket : series(name, Map.of("shop", shop), "this_7_days").buckets()) {
            total += ((Number) ((AnalysisResult.Values) bucket.value()).metrics().get("result")).longValue();
        }
        return total;
    }

    private void assertMatchesDirect(String name, Map<String, Object> index, String timeframe, String sum) {
        DatasetResult result = datasets.results(project, name, index, Timeframe.parse(timeframe));
        DatasetQuery query = result.query();
        List<Filter> filters = new ArrayList<>();
        index.forEach((property, value) -> filters.add(Filter.of(property, FilterOperator.EQ, value)));
        AnalysisResult direct = core.analyses().run(project, AnalysisQuery.single(query.collection(),
                sum == null ? new Metric.Count() : new Metric.Sum(sum), filters,
                Timeframe.parse(timeframe).resolve(clock.instant(), query.zone(), query.weekStart()),
                Optional.of(query.interval()), query.zone(), query.weekStart(), List.of(), List.of(), null));
        assertThat(normalized(result.series())).isEqualTo(normalized(direct));
    }

    /** Values as doubles, so that a stored 3 and a computed 3.0 compare equal. */
    private static List<String> normalized(AnalysisResult series) {
        List<String> lines = new ArrayList<>();
        for (AnalysisResult.Bucket bucket : ((AnalysisResult.Series) series).buckets()) {
            Object value = ((AnalysisResult.Values) bucket.value()).metrics().get("result");
            lines.add(bucket.timeframe() + " " + (value == null ? null : ((Number) value).doubleValue()));
        }
        return lines;
    }

    private void ingest(String... events) {
        EventParser parser = new EventParser(new JsonFactory());
        List<ParsedEvent> parsed = new ArrayList<>();
        for (String event : events) {
            try {
                parsed.add(parser.readOne(event.getBytes(UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        core.events().ingest(project, new IngestBatch(List.of(new IngestBatch.CollectionEvents("buys", parsed)),
                Optional.empty()));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
