package io.cairn.server.dialect.keen;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.server.http.Json;
import java.io.IOException;
import java.util.Map;

/**
 * An access key's {@code writes.autofill}: properties deep-merged into every event written with the key, winning
 * over the event's own values (nested objects merge property by property; anything else is replaced).
 *
 * <p>It works on the request's JSON before the event parser sees it, so the merged events go through exactly the
 * checks any event does. Bodies that are not JSON, and events that are not objects, are passed on untouched for
 * the parser to refuse as usual. This costs a JSON tree of the body, paid only by keys that autofill.
 */
final class KeenAutofill {

    /** Numbers keep their exact value, so that an autofilled event stores what it would have stored without. */
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private KeenAutofill() {}

    /** One event, as {@code POST /events/{collection}} and beacons carry it. */
    static byte[] event(byte[] json, Map<String, Object> autofill) {
        JsonNode event = tree(json);
        if (!(event instanceof ObjectNode object)) {
            return json;
        }
        merge(object, autofill);
        return write(object);
    }

    /** A batch {@code {"collection": [event, ...], ...}}. */
    static byte[] batch(byte[] json, Map<String, Object> autofill) {
        JsonNode batch = tree(json);
        if (!(batch instanceof ObjectNode)) {
            return json;
        }
        for (JsonNode events : batch) {
            if (events.isArray()) {
                events.forEach(event -> {
                    if (event instanceof ObjectNode object) {
                        merge(object, autofill);
                    }
                });
            }
        }
        return write(batch);
    }

    private static void merge(ObjectNode event, Map<?, ?> autofill) {
        autofill.forEach((name, value) -> {
            String property = (String) name;
            if (value instanceof Map<?, ?> nested && event.get(property) instanceof ObjectNode existing) {
                merge(existing, nested);
            } else {
                event.set(property, Json.MAPPER.valueToTree(value));
            }
        });
    }

    private static JsonNode tree(byte[] json) {
        try {
            return json.length == 0 ? null : READER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return Json.MAPPER.writeValueAsBytes(tree);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
