package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.internal.Json;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.Filter;
import io.cairn.client.model.FunnelStep;
import io.cairn.client.model.Metric;
import io.cairn.client.model.OrderBy;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.Timeframe;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each analysis builder puts in its Keen JSON body, and what it refuses before sending anything. */
class QueryDefinitionTest {

    private static final Timeframe MARCH = Timeframe.absolute(Instant.parse("2024-03-01T00:00:00Z"),
            Instant.parse("2024-04-01T00:00:00Z"));

    // No request is made: building and checking queries is local.
    private final Cairn cairn = Cairn.builder().baseUrl("http://127.0.0.1:9").projectId("p1").key("k").build();
    private final EventsClient events = cairn.events();

    @AfterEach
    void close() {
        cairn.close();
    }

    private static String json(QueryDefinition definition) {
        return new String(Json.write(definition.parameters()), UTF_8);
    }

    @Test
    void aGroupedOrderedLimitedSumWritesEveryPartInKeensFieldNames() {
        QueryDefinition definition = events.sum("purchases", "item.price")
                .timeframe(MARCH).timezone("Europe/Paris")
                .filter(Filter.eq("country", "FR"), Filter.gt("item.price", 5))
                .groupBy("user.id", "country").orderBy(OrderBy.desc("result"), OrderBy.asc("country")).limit(3)
                .definition();

        assertThat(definition.analysisType()).isEqualTo(AnalysisType.SUM);
        assertThat(json(definition)).isEqualTo("{\"event_collection\":\"purchases\",\"target_property\":\"item.price\","
                + "\"filters\":[{\"property_name\":\"country\",\"operator\":\"eq\",\"property_value\":\"FR\"},"
                + "{\"property_name\":\"item.price\",\"operator\":\"gt\",\"property_value\":5}],"
                + "\"timeframe\":{\"start\":\"2024-03-01T00:00:00.000Z\",\"end\":\"2024-04-01T00:00:00.000Z\"},"
                + "\"timezone\":\"Europe/Paris\",\"group_by\":[\"user.id\",\"country\"],"
                + "\"order_by\":[{\"property_name\":\"result\",\"direction\":\"DESC\"},"
                + "{\"property_name\":\"country\",\"direction\":\"ASC\"}],\"limit\":3}");
        assertThat(definition.groupBy()).containsExactly("user.id", "country");
        assertThat(definition.eventCollection()).isEqualTo("purchases");
    }

    @Test
    void aSingleGroupByIsAStringAndARelativeTimeframeItsExpression() {
        QueryDefinition definition = events.count("visits").timeframe(Timeframe.relative("this_7_days"))
                .interval("daily").groupBy("page").timezone(ZoneOffset.ofHours(-5)).definition();

        assertThat(json(definition)).isEqualTo("{\"event_collection\":\"visits\",\"timeframe\":\"this_7_days\","
                + "\"timezone\":\"-18000\",\"interval\":\"daily\",\"group_by\":\"page\"}");
        assertThat(definition.interval()).isEqualTo("daily");
        assertThat(json(events.count("visits").timezone(ZoneId.of("America/New_York")).definition()))
                .contains("\"timezone\":\"America/New_York\"");
    }

    @Test
    void everyMetricNamesItsAnalysisTypeAndTarget() {
        assertThat(json(events.percentile("p", "ms", 99.9).definition()))
                .isEqualTo("{\"event_collection\":\"p\",\"target_property\":\"ms\",\"percentile\":99.9}");
        assertThat(events.countUnique("p", "u").definition().analysisType()).isEqualTo(AnalysisType.COUNT_UNIQUE);
        assertThat(events.minimum("p", "x").definition().analysisType()).isEqualTo(AnalysisType.MINIMUM);
        assertThat(events.maximum("p", "x").definition().analysisType()).isEqualTo(AnalysisType.MAXIMUM);
        assertThat(events.average("p", "x").definition().analysisType()).isEqualTo(AnalysisType.AVERAGE);
        assertThat(events.median("p", "x").definition().analysisType()).isEqualTo(AnalysisType.MEDIAN);
        assertThat(events.standardDeviation("p", "x").definition().analysisType())
                .isEqualTo(AnalysisType.STANDARD_DEVIATION);
        assertThat(json(events.selectUnique("p", "x").definition()))
                .isEqualTo("{\"event_collection\":\"p\",\"target_property\":\"x\"}");
    }

    @Test
    void aMultiAnalysisWritesItsAnalysesByLabelInOrder() {
        Map<String, Metric> analyses = new LinkedHashMap<>();
        analyses.put("buyers", Metric.countUnique("user"));
        analyses.put("n", Metric.count());
        analyses.put("p95", Metric.percentile("price", 95));

        QueryDefinition definition = events.multiAnalysis("purchases", analyses).groupBy("country")
                .orderBy(OrderBy.desc("buyers")).definition();

        assertThat(definition.analysisType()).isEqualTo(AnalysisType.MULTI_ANALYSIS);
        assertThat(json(definition)).isEqualTo("{\"event_collection\":\"purchases\",\"analyses\":{"
                + "\"buyers\":{\"analysis_type\":\"count_unique\",\"target_property\":\"user\"},"
                + "\"n\":{\"analysis_type\":\"count\"},"
                + "\"p95\":{\"analysis_type\":\"percentile\",\"target_property\":\"price\",\"percentile\":95.0}},"
                + "\"group_by\":\"country\",\"order_by\":[{\"property_name\":\"buyers\",\"direction\":\"DESC\"}]}");
    }

    @Test
    void aFunnelWritesItsStepsWithOnlyTheFlagsSet() {
        QueryDefinition definition = events.funnel(
                        FunnelStep.of("signups", "user.id").withTimeframe(Timeframe.relative("this_30_days")),
                        FunnelStep.of("views", "user.id").withFilters(Filter.contains("page", "pricing")).optional(),
                        FunnelStep.of("purchases", "buyer").inverted().withActors().withTimezone("UTC"))
                .timeframe(Timeframe.relative("this_14_days")).timezone("Europe/Paris").definition();

        assertThat(definition.analysisType()).isEqualTo(AnalysisType.FUNNEL);
        assertThat(json(definition)).isEqualTo("{\"steps\":["
                + "{\"event_collection\":\"signups\",\"actor_property\":\"user.id\",\"timeframe\":\"this_30_days\"},"
                + "{\"event_collection\":\"views\",\"actor_property\":\"user.id\",\"filters\":[{\"property_name\":"
                + "\"page\",\"operator\":\"contains\",\"property_value\":\"pricing\"}],\"optional\":true},"
                + "{\"event_collection\":\"purchases\",\"actor_property\":\"buyer\",\"timezone\":\"UTC\","
                + "\"inverted\":true,\"with_actors\":true}],"
                + "\"timeframe\":\"this_14_days\",\"timezone\":\"Europe/Paris\"}");
        assertThat(definition.eventCollection()).isNull();
    }

    @Test
    void anExtractionWritesLatestAndPropertyNames() {
        QueryDefinition definition = events.extraction("purchases").filter(Filter.exists("user"))
                .latest(10).propertyNames("user", "keen.timestamp").definition();

        assertThat(definition.analysisType()).isEqualTo(AnalysisType.EXTRACTION);
        assertThat(json(definition)).isEqualTo("{\"event_collection\":\"purchases\",\"filters\":[{\"property_name\":"
                + "\"user\",\"operator\":\"exists\",\"property_value\":true}],\"latest\":10,"
                + "\"property_names\":[\"user\",\"keen.timestamp\"]}");
    }

    @Test
    void queriesAreImmutableSoADerivedQueryLeavesItsOriginAlone() {
        MetricQuery<Long> base = events.count("visits").filter(Filter.eq("a", 1));
        MetricQuery<Long> grouped = base.groupBy("page").filter(Filter.eq("b", 2));

        assertThat(json(base.definition())).isEqualTo("{\"event_collection\":\"visits\",\"filters\":"
                + "[{\"property_name\":\"a\",\"operator\":\"eq\",\"property_value\":1}]}");
        assertThat(grouped.definition().parameters()).containsKey("group_by");
        assertThat(json(grouped.definition())).contains("\"property_value\":2");
        assertThat(grouped.groupBy().definition().parameters()).doesNotContainKey("group_by");
    }

    @Test
    void orderByLimitAndIntervalAreCheckedAsKeensClientsCheckThem() {
        assertThatThrownBy(() -> events.count("c").orderBy(OrderBy.desc("result")).definition())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order_by needs group_by");
        assertThatThrownBy(() -> events.count("c").groupBy("a").limit(5).definition())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit needs order_by");
        assertThatThrownBy(() -> events.count("c").groupBy("a").orderBy(OrderBy.asc("b")).definition())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order_by can name only [a, result]");
        assertThatThrownBy(() -> events.multiAnalysis("c", Map.of("n", Metric.count())).groupBy("a")
                .orderBy(OrderBy.asc("result")).definition())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a, n]");
        assertThatThrownBy(() -> events.count("c").interval("daily").definition())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an interval needs a timeframe");
        assertThatThrownBy(() -> events.count("c").filter(Filter.within("at", 2.35, 48.85, 10)).groupBy("a")
                .definition()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within");
        assertThatThrownBy(() -> events.count("c").limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.count("c").groupBy("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.count("c").interval(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.count(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAndTargetsAreCheckedAsKeensClientsCheckThem() {
        assertThatThrownBy(() -> events.percentile("c", "x", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> events.percentile("c", "x", 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.percentile("c", "x", 99.995)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two decimals");
        assertThat(events.percentile("c", "x", 100).definition().parameters()).containsEntry("percentile", 100.0);
        assertThatThrownBy(() -> events.sum("c", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum needs a target property");
        assertThatThrownBy(() -> new Metric(AnalysisType.PERCENTILE, "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("percentile needs a percentile value");
        assertThatThrownBy(() -> new Metric(AnalysisType.SUM, "x", 50.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sum takes no percentile value");
        assertThatThrownBy(() -> new Metric(AnalysisType.COUNT, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Metric(AnalysisType.FUNNEL, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a metric");
        assertThatThrownBy(() -> events.multiAnalysis("c", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.multiAnalysis("c", Map.of(" ", Metric.count())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFunnelNeedsAStepAndItsFirstStepCannotBeOptionalOrInverted() {
        assertThatThrownBy(() -> events.funnel()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.funnel(FunnelStep.of("a", "u").optional()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first step");
        assertThatThrownBy(() -> events.funnel(FunnelStep.of("a", "u").inverted(), FunnelStep.of("b", "u")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(events.funnel(FunnelStep.of("a", "u"), FunnelStep.of("b", "u").inverted()).steps()).hasSize(2);
        assertThatThrownBy(() -> FunnelStep.of("a", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.extraction("c").latest(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.extraction("c").propertyNames("a", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
