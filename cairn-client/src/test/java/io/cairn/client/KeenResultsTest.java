package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.KeenResults.Shape;
import io.cairn.client.internal.Json;
import io.cairn.client.model.AnalysisResult;
import io.cairn.client.model.AnalysisType;
import io.cairn.client.model.ExtractionResult;
import io.cairn.client.model.FunnelResult;
import io.cairn.client.model.LabeledValues;
import io.cairn.client.model.QueryDefinition;
import io.cairn.client.model.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keen's analysis answers (wire notes §6) read into typed results, shape by shape; no server. */
class KeenResultsTest {

    private static final Shape PLAIN = new Shape(List.of(), false, Map.of());
    private static final Map<String, AnalysisType> LABELS = labels();

    private static Map<String, AnalysisType> labels() {
        Map<String, AnalysisType> labels = new LinkedHashMap<>();
        labels.put("buyers", AnalysisType.COUNT_UNIQUE);
        labels.put("revenue", AnalysisType.SUM);
        labels.put("avg", AnalysisType.AVERAGE);
        return labels;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.readTree(json.getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void scalarsAreTypedByTheirMetric() {
        assertThat(KeenResults.analysis(tree("42"), PLAIN, KeenResults::count).value()).isEqualTo(42L);
        assertThat(KeenResults.analysis(tree("7.0"), PLAIN, KeenResults::count).value()).isEqualTo(7L);
        assertThat(KeenResults.analysis(tree("20.5"), PLAIN, KeenResults::number).value()).isEqualTo(20.5);
        assertThat(KeenResults.analysis(tree("60"), PLAIN, KeenResults::number).value()).isEqualTo(60.0);
        assertThat(KeenResults.analysis(tree("null"), PLAIN, KeenResults::number).value()).isNull();
        assertThat(KeenResults.analysis(tree("[\"FR\", 3, 2.5, true]"), PLAIN, KeenResults::list).value())
                .containsExactly("FR", 3L, 2.5, true);
    }

    @Test
    void valuesOfTheWrongKindAreRefused() {
        assertThatThrownBy(() -> KeenResults.count(tree("2.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeenResults.count(tree("null"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeenResults.number(tree("\"x\""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeenResults.list(tree("{}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeenResults.analysis(tree("{}"), new Shape(List.of("a"), false, Map.of()),
                KeenResults::count)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeenResults.analysis(tree("3"), new Shape(List.of(), true, Map.of()),
                KeenResults::count)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsHoldTheirKeysInQueryOrderAndNullForMissingOnes() {
        AnalysisResult<Long> result = KeenResults.analysis(tree("[{\"country\": \"FR\", \"user\": \"a\", \"result\": 2},"
                + " {\"user\": 7, \"result\": 1}]"), new Shape(List.of("country", "user"), false, Map.of()),
                KeenResults::count);

        assertThat(result).isInstanceOf(AnalysisResult.Groups.class);
        assertThat(result.groups()).hasSize(2);
        assertThat(result.groups().get(0).keys()).containsExactly(entry("country", "FR"), entry("user", "a"));
        assertThat(result.groups().get(0).value()).isEqualTo(2L);
        assertThat(result.groups().get(1).key("country")).isNull();
        assertThat(result.groups().get(1).key("user")).isEqualTo(7L);
        assertThatThrownBy(() -> result.groups().get(0).key("page")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(result::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("groups()");
    }

    @Test
    void aSeriesKeepsEachIntervalsBoundsWithTheirOffset() {
        AnalysisResult<Double> result = KeenResults.analysis(tree("[{\"timeframe\": {\"start\":"
                + " \"2024-03-30T00:00:00.000+01:00\", \"end\": \"2024-03-31T00:00:00.000+01:00\"}, \"value\": null},"
                + " {\"timeframe\": {\"start\": \"2024-03-31T00:00:00.000+01:00\", \"end\":"
                + " \"2024-04-01T00:00:00.000+02:00\"}, \"value\": 12.5}]"), new Shape(List.of(), true, Map.of()),
                KeenResults::number);

        assertThat(result.intervals()).hasSize(2);
        AnalysisResult.Interval<Double> second = result.intervals().get(1);
        assertThat(second.start()).isEqualTo(OffsetDateTime.parse("2024-03-31T00:00+01:00"));
        assertThat(second.end()).isEqualTo(OffsetDateTime.parse("2024-04-01T00:00+02:00"));
        assertThat(second.value()).isEqualTo(12.5);
        assertThat(result.intervals().get(0).value()).isNull();
        assertThatThrownBy(second::groups).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(result::groups).isInstanceOf(IllegalStateException.class).hasMessageContaining("series");
    }

    @Test
    void aGroupedSeriesHoldsGroupsInEachInterval() {
        AnalysisResult<Long> result = KeenResults.analysis(tree("[{\"timeframe\": {\"start\": \"2024-03-30T00:00:00.000Z\","
                + " \"end\": \"2024-03-31T00:00:00.000Z\"}, \"value\": [{\"country\": \"FR\", \"result\": 1}]}]"),
                new Shape(List.of("country"), true, Map.of()), KeenResults::count);

        assertThat(result.intervals().getFirst().groups().getFirst().keys()).containsExactly(entry("country", "FR"));
        assertThat(result.intervals().getFirst().groups().getFirst().value()).isEqualTo(1L);
    }

    @Test
    void aMultiAnalysisTypesEachLabelByItsMetricInEveryShape() {
        LabeledValues values = KeenResults.analysis(tree("{\"buyers\": 2, \"revenue\": 60, \"avg\": null}"),
                new Shape(List.of(), false, LABELS), node -> KeenResults.labeled(node, LABELS)).value();
        assertThat(values.values()).containsExactly(entry("buyers", 2L), entry("revenue", 60.0), entry("avg", null));
        assertThat(values.getLong("buyers")).isEqualTo(2);
        assertThat(values.getDouble("avg")).isNull();
        assertThatThrownBy(() -> values.get("nope")).isInstanceOf(IllegalArgumentException.class);

        AnalysisResult<LabeledValues> grouped = KeenResults.analysis(tree("[{\"country\": \"FR\", \"buyers\": 2,"
                + " \"revenue\": 30, \"avg\": 15}]"), new Shape(List.of("country"), false, LABELS),
                node -> KeenResults.labeled(node, LABELS));
        assertThat(grouped.groups().getFirst().keys()).containsExactly(entry("country", "FR"));
        assertThat(grouped.groups().getFirst().value().getDouble("avg")).isEqualTo(15.0);

        AnalysisResult<LabeledValues> series = KeenResults.analysis(tree("[{\"timeframe\": {\"start\":"
                + " \"2024-03-30T00:00:00.000Z\", \"end\": \"2024-03-31T00:00:00.000Z\"}, \"value\": {\"buyers\": 0,"
                + " \"revenue\": 0, \"avg\": null}}]"), new Shape(List.of(), true, LABELS),
                node -> KeenResults.labeled(node, LABELS));
        assertThat(series.intervals().getFirst().value().getLong("buyers")).isZero();

        assertThatThrownBy(() -> KeenResults.labeled(tree("{\"buyers\": 2}"), LABELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenue");
    }

    @Test
    void aFunnelPairsCountsWithItsEchoedStepsAndActors() {
        FunnelResult funnel = KeenResults.funnel(tree("{\"result\": [3, 2], \"steps\": [{\"event_collection\":"
                + " \"visits\", \"actor_property\": \"user\"}, {\"event_collection\": \"purchases\", \"actor_property\":"
                + " \"user\", \"with_actors\": true}], \"actors\": [null, [\"a\", \"b\"]]}"));

        assertThat(funnel.counts()).containsExactly(3L, 2L);
        assertThat(funnel.steps().get(0).eventCollection()).isEqualTo("visits");
        assertThat(funnel.steps().get(0).actors()).isEmpty();
        assertThat(funnel.steps().get(1).actors()).contains(List.of("a", "b"));
        assertThat(KeenResults.funnel(tree("{\"result\": [1], \"steps\": [{\"event_collection\": \"v\","
                + " \"actor_property\": \"u\"}]}")).steps().getFirst().actors()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> KeenResults.funnel(tree("{\"result\": [1, 2], \"steps\": []}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSavedQuerysResultIsReadByItsDefinition() {
        QueryResult funnel = KeenResults.any(new QueryDefinition(AnalysisType.FUNNEL, Map.of("steps", List.of())),
                tree("{\"result\": [1], \"steps\": [{\"event_collection\": \"v\", \"actor_property\": \"u\"}]}"));
        assertThat(funnel).isInstanceOf(FunnelResult.class);

        QueryResult extraction = KeenResults.any(new QueryDefinition(AnalysisType.EXTRACTION,
                Map.of("event_collection", "e")), tree("[{\"keen\": {\"id\": \"x\"}, \"n\": 1}]"));
        assertThat(((ExtractionResult) extraction).events().getFirst()).containsEntry("n", 1L);

        QueryResult grouped = KeenResults.any(new QueryDefinition(AnalysisType.SUM,
                Map.of("event_collection", "e", "group_by", List.of("c"))), tree("[{\"c\": \"x\", \"result\": 2}]"));
        assertThat(((AnalysisResult<?>) grouped).groups().getFirst().value()).isEqualTo(2.0);

        QueryResult multi = KeenResults.any(new QueryDefinition(AnalysisType.MULTI_ANALYSIS,
                Map.of("event_collection", "e", "interval", "daily", "analyses",
                        Map.of("n", Map.of("analysis_type", "count")))),
                tree("[{\"timeframe\": {\"start\": \"2024-01-01T00:00:00Z\", \"end\": \"2024-01-02T00:00:00Z\"},"
                        + " \"value\": {\"n\": 4}}]"));
        assertThat(((LabeledValues) ((AnalysisResult<?>) multi).intervals().getFirst().value()).getLong("n"))
                .isEqualTo(4);
        assertThatThrownBy(() -> KeenResults.labels(Map.of("n", Map.of("analysis_type", "funnel"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
