package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cairn.client.KeenWire.CollectionJson;
import io.cairn.client.internal.Json;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.EventResult;
import io.cairn.client.model.Filter;
import io.cairn.client.model.PropertyType;
import io.cairn.client.model.Timeframe;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Keen JSON shapes of the events API, read and written without a server. */
class KeenWireTest {

    static final String PURCHASES = """
            {"name": "purchases",
             "properties": {"item.price": "num", "item.name": "string", "keen.timestamp": "datetime",
                            "paid": "bool", "tags": "list", "coupon": "null", "where": "geo_point"},
             "url": "/3.0/projects/p1/events/purchases",
             "created_at": "ignored", "extra": {"nested": true}}""";

    private static EventCollection collection(String json) throws IOException {
        return Json.read(json.getBytes(UTF_8), CollectionJson.class).toModel();
    }

    private static BatchResult batch(String json, Map<String, Integer> sent) throws IOException {
        return KeenWire.toBatchResult(Json.readTree(json.getBytes(UTF_8)), sent);
    }

    @Test
    void collectionReadsEveryPropertyTypeIgnoringUnknownFieldsAndKeepingTheOrder() throws IOException {
        EventCollection purchases = collection(PURCHASES);

        assertThat(purchases.name()).isEqualTo("purchases");
        assertThat(purchases.url()).isEqualTo("/3.0/projects/p1/events/purchases");
        assertThat(purchases.properties()).containsExactly(
                entry("item.price", PropertyType.NUMBER), entry("item.name", PropertyType.STRING),
                entry("keen.timestamp", PropertyType.DATETIME), entry("paid", PropertyType.BOOLEAN),
                entry("tags", PropertyType.LIST), entry("coupon", PropertyType.NULL),
                entry("where", PropertyType.UNKNOWN));
    }

    @Test
    void collectionListIsReadInOrderAndMissingPartsAreTolerated() throws IOException {
        CollectionJson[] list = Json.read(("[" + PURCHASES + ", {\"name\": \"sign ups\"}]").getBytes(UTF_8),
                CollectionJson[].class);

        List<EventCollection> collections = CollectionJson.toModels(list);

        assertThat(collections).extracting(EventCollection::name).containsExactly("purchases", "sign ups");
        assertThat(collections.get(1).properties()).isEmpty();
        assertThat(collections.get(1).url()).isNull();
    }

    @Test
    void collectionWithoutANameIsUnreadable() {
        assertThatThrownBy(() -> collection("{\"properties\": {}}"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
    }

    @Test
    void batchAnswerGivesOneResultPerEventInOrder() throws IOException {
        BatchResult result = batch("""
                {"sign_ups": [{"success": true},
                              {"success": false, "error": {"name": "InvalidPropertyNameError",
                                                           "description": "a.b contains a period"}}],
                 "purchases": [{"success": true, "unknown": 1}, {"success": false}]}""",
                Map.of("sign_ups", 2, "purchases", 2));

        assertThat(result.results()).containsOnlyKeys("sign_ups", "purchases");
        assertThat(result.results("sign_ups")).containsExactly(EventResult.stored(),
                EventResult.rejected("InvalidPropertyNameError", "a.b contains a period"));
        assertThat(result.results("purchases")).containsExactly(EventResult.stored(), EventResult.rejected(null, null));
    }

    @Test
    void batchAnswerWithTheWrongNumberOfResultsIsUnreadable() {
        assertThatThrownBy(() -> batch("{\"a\": [{\"success\": true}]}", Map.of("a", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sent 2 events to collection a but got 1 results");
        assertThatThrownBy(() -> batch("{\"a\": [{\"success\": true}]}", Map.of("a", 1, "b", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection b");
        assertThatThrownBy(() -> batch("{\"a\": [{\"created\": true}]}", Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no boolean success");
        assertThatThrownBy(() -> batch("[]", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersAreAJsonArrayOfKeensFilterObjects() {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        String json = KeenWire.filtersParam(List.of(
                Filter.eq("user.name", "Bob"),
                Filter.ne("n", null),
                Filter.lt("price", 10), Filter.lte("price", 10.5), Filter.gt("at", at), Filter.gte("n", 1),
                Filter.exists("email"), Filter.notExists("phone"),
                Filter.in("country", List.of("FR", "DE")),
                Filter.contains("s", "ab"), Filter.notContains("s", "cd"), Filter.startsWith("s", "ef"),
                Filter.regex("s", "^a.*$"),
                Filter.within("loc", -122.4, 37.8, 5)));

        assertThat(json).isEqualTo("["
                + "{\"property_name\":\"user.name\",\"operator\":\"eq\",\"property_value\":\"Bob\"},"
                + "{\"property_name\":\"n\",\"operator\":\"ne\",\"property_value\":null},"
                + "{\"property_name\":\"price\",\"operator\":\"lt\",\"property_value\":10},"
                + "{\"property_name\":\"price\",\"operator\":\"lte\",\"property_value\":10.5},"
                + "{\"property_name\":\"at\",\"operator\":\"gt\",\"property_value\":\"2024-01-02T03:04:05.000Z\"},"
                + "{\"property_name\":\"n\",\"operator\":\"gte\",\"property_value\":1},"
                + "{\"property_name\":\"email\",\"operator\":\"exists\",\"property_value\":true},"
                + "{\"property_name\":\"phone\",\"operator\":\"exists\",\"property_value\":false},"
                + "{\"property_name\":\"country\",\"operator\":\"in\",\"property_value\":[\"FR\",\"DE\"]},"
                + "{\"property_name\":\"s\",\"operator\":\"contains\",\"property_value\":\"ab\"},"
                + "{\"property_name\":\"s\",\"operator\":\"not_contains\",\"property_value\":\"cd\"},"
                + "{\"property_name\":\"s\",\"operator\":\"starts_with\",\"property_value\":\"ef\"},"
                + "{\"property_name\":\"s\",\"operator\":\"regex\",\"property_value\":\"^a.*$\"},"
                + "{\"property_name\":\"loc\",\"operator\":\"within\",\"property_value\":"
                + "{\"coordinates\":[-122.4,37.8],\"max_distance_miles\":5.0}}"
                + "]");
    }

    @Test
    void filterWithAValueThatCannotBeSentIsRejected() {
        assertThatThrownBy(() -> KeenWire.filtersParam(List.of(Filter.eq("x", new Object()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void relativeTimeframeIsItsTextAndAbsoluteIsAJsonObject() {
        assertThat(KeenWire.timeframeParam(Timeframe.relative("this_7_days"))).isEqualTo("this_7_days");
        assertThat(KeenWire.timeframeParam(Timeframe.absolute(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-08T12:30:00.5Z"))))
                .isEqualTo("{\"start\":\"2024-01-01T00:00:00.000Z\",\"end\":\"2024-01-08T12:30:00.500Z\"}");
    }
}
