package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static String json(Object value) {
        return new String(Json.write(value), UTF_8);
    }

    @Test
    void instantsAreWrittenInUtcWithExactlyThreeFractionDigits() {
        assertThat(JsonValues.formatInstant(Instant.parse("2024-01-02T03:04:05Z")))
                .isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(JsonValues.formatInstant(Instant.parse("2024-01-02T03:04:05.1Z")))
                .isEqualTo("2024-01-02T03:04:05.100Z");
        assertThat(JsonValues.formatInstant(Instant.parse("2024-01-02T03:04:05.123456789Z")))
                .isEqualTo("2024-01-02T03:04:05.123Z");
    }

    @Test
    void offsetAndZonedDateTimesAreConvertedToUtc() {
        OffsetDateTime offset = OffsetDateTime.of(2024, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2));
        ZonedDateTime zoned = ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 7_000_000, ZoneId.of("America/New_York"));

        assertThat(JsonValues.copy(offset, "at")).isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(JsonValues.copy(zoned, "at")).isEqualTo("2024-07-01T16:00:00.007Z");
    }

    @Test
    void eventIsWrittenAsTheJsonKeenExpects() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", new StringBuilder("ada"));
        user.put("tags", Set.of("x"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("user", user);
        event.put("price", new BigDecimal("25.50"));
        event.put("count", 3);
        event.put("ok", true);
        event.put("nothing", null);
        event.put("keen", Map.of("timestamp", Instant.parse("2024-01-02T03:04:05Z")));
        event.put("items", List.of(1, "two", List.of(3.5)));

        assertThat(json(JsonValues.copyObject(event))).isEqualTo("""
                {"user":{"name":"ada","tags":["x"]},"price":25.50,"count":3,"ok":true,"nothing":null,\
                "keen":{"timestamp":"2024-01-02T03:04:05.000Z"},"items":[1,"two",[3.5]]}""");
    }

    @Test
    void copyIsADeepSnapshotThatCannotBeChanged() {
        List<Object> items = new ArrayList<>(List.of("a"));
        Map<String, Object> nested = new HashMap<>(Map.of("items", items));
        Map<String, Object> event = new HashMap<>(Map.of("nested", nested));

        Map<String, Object> copy = JsonValues.copyObject(event);
        items.add("b");
        nested.put("later", 1);
        event.put("later", 2);

        assertThat(json(copy)).isEqualTo("{\"nested\":{\"items\":[\"a\"]}}");
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unsupportedValueIsRejectedNamingItsPath() {
        Map<String, Object> event = Map.of("user", Map.of("ids", List.of("a", UUID.randomUUID())));

        assertThatThrownBy(() -> JsonValues.copyObject(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'user.ids[1]'")
                .hasMessageContaining("java.util.UUID");
    }

    @Test
    void nonFiniteNumbersAndNonStringKeysAreRejected() {
        assertThatThrownBy(() -> JsonValues.copyObject(Map.of("ratio", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ratio' is NaN");
        assertThatThrownBy(() -> JsonValues.copyObject(Map.of("ratio", Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValues.copyObject(Map.of("m", Map.of(1, "one"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key that is not a string");
    }

    @Test
    void mapThatContainsItselfIsRejectedInsteadOfOverflowingTheStack() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);

        assertThatThrownBy(() -> JsonValues.copyObject(loop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nests deeper than 100 levels");
    }
}
