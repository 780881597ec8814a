package io.cairn.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import io.cairn.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {

    private final EventParser parser = new EventParser(new JsonFactory());

    @Test
    void nestedObjectsFlattenToDottedPathsWithTypes() throws Exception {
        FlatEvent event = valid("""
                {"user": {"id": "u1", "age": 31, "vip": true, "address": {"city": "Paris"}},
                 "tags": ["a", 1, {"x": null}], "price": 9.5, "note": null, "seen": "2024-01-02T03:04:05Z"}""");
        assertThat(describe(event)).containsExactly(
                Map.entry("user.id", "STRING u1"),
                Map.entry("user.age", "NUMBER 31.0"),
                Map.entry("user.vip", "BOOLEAN true"),
                Map.entry("user.address.city", "STRING Paris"),
                Map.entry("tags", "LIST [\"a\",1,{\"x\":null}]"),
                Map.entry("price", "NUMBER 9.5"),
                Map.entry("note", "NULL"),
                Map.entry("seen", "DATETIME 1704164645000000"));
        assertThat(event.timestampMicros()).isEqualTo(FlatEvent.NO_TIMESTAMP);
    }

    @Test
    void keenTimestampIsKeptAndServerOwnedKeenPropertiesAreIgnored() throws Exception {
        FlatEvent event = valid("""
                {"keen": {"timestamp": "2024-01-02T03:04:05", "id": "mine", "created_at": "x",
                          "location": {"coordinates": [2.35, 48.85]}}, "n": 1}""");
        assertThat(event.timestampMicros()).isEqualTo(1704164645000000L);
        assertThat(describe(event)).containsOnlyKeys("keen.location.coordinates", "n");
    }

    @Test
    void badPropertyNamesRefuseTheEventNamingTheProblem() throws Exception {
        assertRefused("{\"a.b\": 1}", ErrorCode.INVALID_PROPERTY_NAME, "cannot contain '.'");
        assertRefused("{\"$set\": 1}", ErrorCode.INVALID_PROPERTY_NAME, "cannot start with '$'");
        assertRefused("{\"\": 1}", ErrorCode.INVALID_PROPERTY_NAME, "cannot be empty");
        assertRefused("{\"ok\": {\"nested.bad\": 1}}", ErrorCode.INVALID_PROPERTY_NAME, "nested.bad");
        assertRefused("{\"" + "x".repeat(257) + "\": 1}", ErrorCode.INVALID_PROPERTY_NAME, "at most 256");
        assertRefused("{\"keen\": {\"timestamp\": \"yesterday\"}}", ErrorCode.INVALID_EVENT, "keen.timestamp");
        assertRefused("[1, 2]", ErrorCode.INVALID_EVENT, "must be a JSON object");
        assertRefused("\"text\"", ErrorCode.INVALID_EVENT, "must be a JSON object");
    }

    @Test
    void eventsOverOneMegabyteAreRefused() throws Exception {
        String big = "{\"blob\": \"" + "x".repeat(EventParser.MAX_EVENT_BYTES) + "\"}";
        assertRefused(big, ErrorCode.INVALID_EVENT, "at most 1 MB");
        valid("{\"blob\": \"" + "x".repeat(EventParser.MAX_EVENT_BYTES - 20) + "\"}");
    }

    @Test
    void malformedJsonIsAnErrorOfTheWholeBody() {
        assertThatThrownBy(() -> parser.readOne("{\"a\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> parser.readOne("{\"a\": 1} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        assertRefused(deep, ErrorCode.INVALID_EVENT, "nest at most");
    }

    private FlatEvent valid(String json) throws Exception {
        ParsedEvent parsed = parser.readOne(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(ParsedEvent.Valid.class);
        return ((ParsedEvent.Valid) parsed).event();
    }

    private void assertRefused(String json, ErrorCode code, String messagePart) throws Exception {
        ParsedEvent parsed = parser.readOne(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOfSatisfying(ParsedEvent.Invalid.class, invalid -> {
            assertThat(invalid.error().code()).isEqualTo(code);
            assertThat(invalid.error().message()).contains(messagePart);
        });
    }

    private static Map<String, String> describe(FlatEvent event) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < event.size(); i++) {
            String value = switch (event.type(i)) {
                case STRING, LIST -> event.text(i);
                case NUMBER -> String.valueOf(event.number(i));
                case BOOLEAN -> String.valueOf(event.bool(i));
                case DATETIME -> String.valueOf(event.micros(i));
                case NULL -> null;
            };
            entries.put(event.path(i), event.type(i) + (value == null ? "" : " " + value));
        }
        return entries;
    }
}
