package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.cairn.client.Cairn;
import io.cairn.client.EventsClient;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.model.AnalysisResult;
import io.cairn.client.model.Filter;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.FunnelStep;
import io.cairn.client.model.LabeledValues;
import io.cairn.client.model.Metric;
import io.cairn.client.model.OrderBy;
import io.cairn.client.model.Timeframe;
import io.cairn.core.project.CreatedProject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Keen analysis through the SDK's builders against the real server, with typed results. */
class SdkAnalysesIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    /** The first four days of March 2024 in UTC: the purchases fall on the 1st, 2nd (two) and 4th (two). */
    private static final Timeframe MARCH_1_TO_4 = Timeframe.absolute(Instant.parse("2024-03-01T00:00:00Z"),
            Instant.parse("2024-03-05T00:00:00Z"));

    private static EventsClient read;
    private static EventsClient write;

    @BeforeAll
    static void load() {
        CreatedProject project = server.newProject();
        String id = project.project().id().value();
        write = server.sdk(id, project.keys().get(1).secret()).events();
        read = server.sdk(id, project.keys().get(2).secret()).events();
        // d's purchase has no price: counted, but absent from every arithmetic metric.
        write.addAll(Map.of(
                "purchases", List.of(
                        purchase("a", 10, "FR", "2024-03-01T10:00:00Z"),
                        purchase("b", 20, "FR", "2024-03-02T10:00:00Z"),
                        purchase("a", 30, "US", "2024-03-02T23:30:00Z"), // already March 3rd in Paris
                        purchase("c", 40, "US", "2024-03-04T09:00:00Z"),
                        Map.of("user", "d", "country", "FR", "keen", Map.of("timestamp", "2024-03-04T12:00:00Z"))),
                "visits", Stream.of("a", "b", "c", "d", "e").map(user -> Map.of("user", user)).toList(),
                "signups", Stream.of("a", "b", "c").map(user -> Map.of("user", user)).toList()));
    }

    private static Map<String, Object> purchase(String user, int price, String country, String at) {
        return Map.of("user", user, "price", price, "country", country, "keen", Map.of("timestamp", at));
    }

    @Test
    void everyMetricReturnsItsTypedValue() {
        assertThat(read.count("purchases").run().value()).isEqualTo(5L);
        assertThat(read.countUnique("purchases", "user").run().value()).isEqualTo(4L);
        assertThat(read.sum("purchases", "price").run().value()).isEqualTo(100.0);
        assertThat(read.minimum("purchases", "price").run().value()).isEqualTo(10.0);
        assertThat(read.maximum("purchases", "price").run().value()).isEqualTo(40.0);
        assertThat(read.average("purchases", "price").run().value()).isEqualTo(25.0);
        assertThat(read.median("purchases", "price").run().value()).isEqualTo(25.0);
        // Continuous percentile of 10, 20, 30, 40: rank 0.75 * 3 = 2.25, between 30 and 40.
        assertThat(read.percentile("purchases", "price", 75).run().value()).isEqualTo(32.5);
        assertThat(read.standardDeviation("purchases", "price").run().value()).isCloseTo(Math.sqrt(125), within(1e-9));
        assertThat(read.selectUnique("purchases", "country").run().value()).containsExactly("FR", "US");
        assertThat(read.average("purchases", "price").filter(Filter.eq("user", "d")).run().value()).isNull();
        assertThat(read.count("nothing-here").run().value()).isZero();
    }

    @Test
    void filtersAndTimeframesNarrowTheEvents() {
        assertThat(read.count("purchases").filter(Filter.eq("country", "FR"), Filter.exists("price")).run().value())
                .isEqualTo(2L);
        assertThat(read.sum("purchases", "price").timeframe(Timeframe.absolute(Instant.parse("2024-03-02T00:00:00Z"),
                Instant.parse("2024-03-03T00:00:00Z"))).run().value()).isEqualTo(50.0);
        assertThat(read.count("purchases").filter(Filter.in("user", List.of("a", "c"))).run().value()).isEqualTo(3L);
    }

    @Test
    void groupByGivesOneTypedRowPerGroupInValueOrderUnlessOrdered() {
        AnalysisResult<Long> byCountry = read.count("purchases").groupBy("country").run();
        assertThat(byCountry.groups()).extracting(group -> group.key("country"), AnalysisResult.Group::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FR", 3L),
                        org.assertj.core.groups.Tuple.tuple("US", 2L));

        AnalysisResult<Double> top = read.sum("purchases", "price").groupBy("country", "user")
                .orderBy(OrderBy.desc(OrderBy.RESULT)).limit(2).run();
        assertThat(top.groups()).hasSize(2);
        assertThat(top.groups().get(0).keys()).containsExactly(entry("country", "US"), entry("user", "c"));
        assertThat(top.groups().get(0).value()).isEqualTo(40.0);
        assertThat(top.groups().get(1).keys()).containsExactly(entry("country", "US"), entry("user", "a"));
    }

    @Test
    void anIntervalGivesASeriesInTheZonesCalendar() {
        AnalysisResult<Long> utc = read.count("purchases").timeframe(MARCH_1_TO_4).interval("daily").run();
        assertThat(utc.intervals()).extracting(AnalysisResult.Interval::value).containsExactly(1L, 2L, 0L, 2L);
        assertThat(utc.intervals().get(1).start()).isEqualTo(OffsetDateTime.parse("2024-03-02T00:00:00Z"));
        assertThat(utc.intervals().get(1).end()).isEqualTo(OffsetDateTime.parse("2024-03-03T00:00:00Z"));

        AnalysisResult<Long> paris = read.count("purchases").timezone(ZoneId.of("Europe/Paris"))
                .timeframe(Timeframe.absolute(Instant.parse("2024-02-29T23:00:00Z"),
                        Instant.parse("2024-03-04T23:00:00Z")))
                .interval("daily").run();
        assertThat(paris.intervals()).extracting(AnalysisResult.Interval::value).containsExactly(1L, 1L, 1L, 2L);
        assertThat(paris.intervals().getFirst().start()).isEqualTo(OffsetDateTime.parse("2024-03-01T00:00:00+01:00"));
        assertThat(paris.intervals().getFirst().start().getOffset().getTotalSeconds()).isEqualTo(3600);

        AnalysisResult<Double> averages = read.average("purchases", "price").timeframe(MARCH_1_TO_4)
                .interval("daily").run();
        assertThat(averages.intervals()).extracting(AnalysisResult.Interval::value)
                .containsExactly(10.0, 25.0, null, 40.0);
    }

    @Test
    void anIntervalWithGroupByGivesGroupsInEachInterval() {
        AnalysisResult<Long> result = read.count("purchases").timeframe(MARCH_1_TO_4).interval("daily")
                .groupBy("country").run();

        assertThat(result.intervals()).hasSize(4);
        assertThat(result.intervals().get(1).groups())
                .extracting(group -> group.key("country"), AnalysisResult.Group::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FR", 1L),
                        org.assertj.core.groups.Tuple.tuple("US", 1L));
        assertThat(result.intervals().get(2).groups()).isEmpty();
        assertThat(result.intervals().get(3).groups()).hasSize(2);
    }

    @Test
    void aMultiAnalysisTypesEachLabelInEveryShape() {
        Map<String, Metric> analyses = new LinkedHashMap<>();
        analyses.put("buyers", Metric.countUnique("user"));
        analyses.put("revenue", Metric.sum("price"));
        analyses.put("countries", Metric.selectUnique("country"));

        LabeledValues all = read.multiAnalysis("purchases", analyses).run().value();
        assertThat(all.getLong("buyers")).isEqualTo(4);
        assertThat(all.getDouble("revenue")).isEqualTo(100.0);
        assertThat(all.getList("countries")).containsExactly("FR", "US");

        AnalysisResult<LabeledValues> byCountry = read.multiAnalysis("purchases", analyses).groupBy("country")
                .orderBy(OrderBy.desc("revenue")).run();
        assertThat(byCountry.groups().get(0).key("country")).isEqualTo("US");
        assertThat(byCountry.groups().get(0).value().getDouble("revenue")).isEqualTo(70.0);
        assertThat(byCountry.groups().get(1).value().getLong("buyers")).isEqualTo(3);

        AnalysisResult<LabeledValues> daily = read.multiAnalysis("purchases", analyses).timeframe(MARCH_1_TO_4)
                .interval("daily").run();
        assertThat(daily.intervals().get(1).value().getDouble("revenue")).isEqualTo(50.0);
        assertThat(daily.intervals().get(2).value().getLong("buyers")).isZero();
    }

    @Test
    void aFunnelCountsActorsStepByStepAndListsThoseAskedFor() {
        FunnelResult funnel = read.funnel(
                FunnelStep.of("visits", "user"),
                FunnelStep.of("signups", "user"),
                FunnelStep.of("purchases", "user").withFilters(Filter.eq("country", "US")).withActors()).run();

        assertThat(funnel.counts()).containsExactly(5L, 3L, 2L);
        assertThat(funnel.steps().get(2).eventCollection()).isEqualTo("purchases");
        assertThat(funnel.steps().get(2).actors()).hasValueSatisfying(actors ->
                assertThat(actors).containsExactlyInAnyOrder("a", "c"));
        assertThat(funnel.steps().get(0).actors()).isEmpty();

        FunnelResult neverSignedUp = read.funnel(FunnelStep.of("visits", "user"),
                FunnelStep.of("signups", "user").inverted().withActors()).run();
        assertThat(neverSignedUp.counts()).containsExactly(5L, 2L);
        assertThat(neverSignedUp.steps().get(1).actors()).hasValueSatisfying(actors ->
                assertThat(actors).containsExactlyInAnyOrder("d", "e"));

        FunnelResult optional = read.funnel(FunnelStep.of("visits", "user"),
                FunnelStep.of("purchases", "user").withFilters(Filter.eq("country", "DE")).optional(),
                FunnelStep.of("signups", "user")).run();
        assertThat(optional.counts()).containsExactly(5L, 0L, 3L);
    }

    @Test
    void anExtractionReturnsEventsAsListOrStream() {
        List<Map<String, Object>> latest = read.extraction("purchases").latest(2).run();
        assertThat(latest).extracting(event -> event.get("user")).containsExactly("c", "d");
        assertThat(latest.getFirst()).containsEntry("price", 40L);
        assertThat(latest.getFirst().get("keen")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("timestamp", "2024-03-04T09:00:00.000Z");

        try (Stream<Map<String, Object>> french = read.extraction("purchases").filter(Filter.eq("country", "FR"))
                .timeframe(MARCH_1_TO_4).propertyNames("user").stream()) {
            assertThat(french.map(event -> event.get("user"))).containsExactly("a", "b", "d");
        }
        List<Map<String, Object>> narrowed = read.extraction("purchases").propertyNames("user", "price").latest(1)
                .run();
        // The automatic keen.* properties always come along (docs/keen.md).
        assertThat(narrowed.getFirst()).containsOnlyKeys("keen", "user");
    }

    @Test
    void theServerRefusesWhatOnlyItCanCheck() {
        assertThatThrownBy(() -> read.count("purchases").timeframe(Timeframe.relative("last_forever")).run())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidTimeframeError"));
        assertThatThrownBy(() -> read.count("purchases").timeframe(MARCH_1_TO_4).interval("fortnightly").run())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidIntervalError"));
        assertThatThrownBy(() -> read.count("purchases").filter(new Filter("price", "like", 1)).run())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidFilterError"));
        assertThatThrownBy(() -> write.count("purchases").run()).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> write.extraction("purchases").stream()).isInstanceOf(UnauthorizedException.class);
    }
}
