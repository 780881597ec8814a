package io.cairn.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsModelTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void propertyTypesRoundTripThroughTheirWireNamesAndUnknownNamesFallBack() {
        for (PropertyType type : PropertyType.values()) {
            if (type != PropertyType.UNKNOWN) {
                assertThat(PropertyType.fromWireName(type.wireName())).isEqualTo(type);
            }
        }
        assertThat(PropertyType.NUMBER.wireName()).isEqualTo("num");
        assertThat(PropertyType.fromWireName("geo_point")).isEqualTo(PropertyType.UNKNOWN);
        assertThat(PropertyType.fromWireName("unknown")).isEqualTo(PropertyType.UNKNOWN);
        assertThat(PropertyType.fromWireName("NUM")).isEqualTo(PropertyType.UNKNOWN);
    }

    @Test
    void batchResultCountsAndListsFailuresByCollectionAndPosition() {
        Map<String, List<EventResult>> results = new LinkedHashMap<>();
        results.put("a", List.of(EventResult.stored(), EventResult.rejected("BadError", "bad")));
        results.put("b", List.of(EventResult.rejected(null, null), EventResult.stored(), EventResult.stored()));
        BatchResult batch = new BatchResult(results);

        assertThat(batch.count()).isEqualTo(5);
        assertThat(batch.successCount()).isEqualTo(3);
        assertThat(batch.allSucceeded()).isFalse();
        assertThat(batch.failures()).containsExactly(
                new BatchResult.Failure("a", 1, EventResult.rejected("BadError", "bad")),
                new BatchResult.Failure("b", 0, EventResult.rejected(null, null)));
        assertThat(batch.results("b")).hasSize(3);
        assertThat(batch.results("missing")).isEmpty();
    }

    @Test
    void emptyBatchResultHasSucceeded() {
        assertThat(BatchResult.empty().allSucceeded()).isTrue();
        assertThat(BatchResult.empty().count()).isZero();
        assertThat(BatchResult.empty().failures()).isEmpty();
    }

    @Test
    void batchResultAndCollectionCopyWhatTheyAreGiven() {
        List<EventResult> list = new ArrayList<>(List.of(EventResult.stored()));
        Map<String, List<EventResult>> results = new HashMap<>(Map.of("a", list));
        BatchResult batch = new BatchResult(results);
        list.add(EventResult.stored());
        results.put("b", List.of());

        Map<String, PropertyType> properties = new HashMap<>(Map.of("x", PropertyType.STRING));
        EventCollection collection = new EventCollection("c", properties, null);
        properties.put("y", PropertyType.NUMBER);

        assertThat(batch.count()).isEqualTo(1);
        assertThat(batch.results()).containsOnlyKeys("a");
        assertThat(collection.properties()).containsOnlyKeys("x");
        assertThatThrownBy(() -> collection.properties().put("z", PropertyType.LIST))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFailureMustBeAnUnsuccessfulResult() {
        assertThatThrownBy(() -> new BatchResult.Failure("a", 0, EventResult.stored()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchResult.Failure("a", -1, EventResult.rejected("x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filterFactoriesUseKeensOperatorNames() {
        assertThat(List.of(Filter.eq("p", 1), Filter.ne("p", 1), Filter.lt("p", 1), Filter.lte("p", 1),
                Filter.gt("p", 1), Filter.gte("p", 1), Filter.exists("p"), Filter.notExists("p"),
                Filter.in("p", List.of(1)), Filter.contains("p", "x"), Filter.notContains("p", "x"),
                Filter.startsWith("p", "x"), Filter.regex("p", "x"), Filter.within("p", 0, 0, 1)))
                .extracting(Filter::operator)
                .containsExactly("eq", "ne", "lt", "lte", "gt", "gte", "exists", "exists", "in", "contains",
                        "not_contains", "starts_with", "regex", "within");
        assertThat(Filter.exists("p").value()).isEqualTo(true);
        assertThat(Filter.notExists("p").value()).isEqualTo(false);
    }

    @Test
    void filterNeedsAPropertyAndAnOperatorAndSaneValues() {
        assertThatThrownBy(() -> Filter.eq(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Filter("p", "", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.gt("p", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Filter.within("p", 181, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longitude");
        assertThatThrownBy(() -> Filter.within("p", 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distance");
    }

    @Test
    void inFilterCopiesItsValues() {
        List<Object> values = new ArrayList<>(List.of("a"));
        Filter filter = Filter.in("p", values);
        values.add("b");

        assertThat(filter.value()).isEqualTo(List.of("a"));
    }

    @Test
    void timeframesAreValidated() {
        assertThat(Timeframe.relative("this_7_days")).isEqualTo(new Timeframe.Relative("this_7_days"));
        assertThatThrownBy(() -> Timeframe.relative(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeframe.absolute(T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be after its start");
        assertThatThrownBy(() -> Timeframe.absolute(T0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eventCopiesItsTopLevelAndKeepsNullValues() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("a", null);
        Event event = new Event("c", properties);
        properties.put("b", 1);

        assertThat(event.properties()).containsOnlyKeys("a");
        assertThatThrownBy(() -> event.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
