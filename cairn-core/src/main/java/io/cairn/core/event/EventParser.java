package io.cairn.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cairn.core.error.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads events straight from a JSON token stream into {@link FlatEvent}s, without building a tree: nested objects
 * become dotted paths, arrays are kept as JSON text, strings that are ISO-8601 date-times become date-times, and
 * every naming and size rule is checked on the way. A broken rule makes that event {@link ParsedEvent.Invalid}
 * while the stream stays positioned for the next one, so that one bad event never blocks its neighbours.
 *
 * <p>Not thread-safe: one parser per request thread (it reuses its scratch space).
 */
public final class EventParser {

    /** The largest event accepted, in bytes of JSON. */
    public static final int MAX_EVENT_BYTES = 1 << 20;
    /** Properties nested deeper than this are refused (a guard against hostile input). */
    static final int MAX_DEPTH = 32;
    private static final String KEEN = "keen";
    private static final String KEEN_PREFIX = "keen.";

    private final JsonFactory factory;
    private final FlatEvent.Builder builder = new FlatEvent.Builder();
    /**
     * Paths by parent path and field name, both compared by identity: Jackson hands out the same interned String for
     * a field name every time, so each path is built once per parser and every event of a batch shares its String,
     * whose cached hash makes the schema lookups downstream cheap.
     */
    private final Map<String, Map<String, String>> paths = new IdentityHashMap<>();
    private EventError firstError;

    public EventParser(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads the event whose {@code START_OBJECT} is the parser's current token, leaving the parser on its
     * {@code END_OBJECT}. A current token that is not an object is consumed (with its children) and refused.
     *
     * @throws IOException when the JSON itself is malformed (the whole request is then unreadable)
     */
    public ParsedEvent read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ParsedEvent.Invalid(new EventError(ErrorCode.INVALID_EVENT, "an event must be a JSON object"));
        }
        builder.reset();
        firstError = null;
        long start = parser.currentTokenLocation().getByteOffset();
        readObject(parser, "", 0);
        long end = parser.currentLocation().getByteOffset();
        if (start >= 0 && end - start > MAX_EVENT_BYTES) {
            return new ParsedEvent.Invalid(new EventError(ErrorCode.INVALID_EVENT,
                    "an event is at most 1 MB of JSON; this one is " + (end - start) + " bytes"));
        }
        if (firstError != null) {
            return new ParsedEvent.Invalid(firstError);
        }
        return new ParsedEvent.Valid(builder.build());
    }

    /** Reads a whole request body that is one event. */
    public ParsedEvent readOne(byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            parser.nextToken();
            ParsedEvent event = read(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the event");
            }
            return event;
        }
    }

    private void readObject(JsonParser parser, String prefix, int depth) throws IOException {
        boolean top = depth == 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            Optional<EventError> badName = EventNames.checkProperty(name);
            if (badName.isPresent()) {
                fail(badName.get());
                parser.skipChildren();
                continue;
            }
            if (top && name.equals(KEEN) && parser.currentToken() == JsonToken.START_OBJECT) {
                readKeen(parser);
                continue;
            }
            readValue(parser, path(prefix, name), depth);
        }
    }

    private void readValue(JsonParser parser, String path, int depth) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                if (depth + 1 >= MAX_DEPTH) {
                    fail(new EventError(ErrorCode.INVALID_EVENT, "properties nest at most " + MAX_DEPTH + " deep"));
                    parser.skipChildren();
                } else {
                    readObject(parser, path(path, "."), depth + 1);
                }
            }
            case START_ARRAY -> builder.text(path, PropertyType.LIST, copyJson(parser));
            case VALUE_STRING -> {
                String text = parser.getText();
                long micros = IsoDateTimes.parseMicros(text);
                if (micros == IsoDateTimes.NOT_A_DATETIME) {
                    builder.text(path, PropertyType.STRING, text);
                } else {
                    builder.micros(path, micros);
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> builder.number(path, parser.getDoubleValue());
            case VALUE_TRUE -> builder.bool(path, true);
            case VALUE_FALSE -> builder.bool(path, false);
            case VALUE_NULL -> builder.nullValue(path);
            default -> {
                fail(new EventError(ErrorCode.INVALID_EVENT, "unexpected JSON at " + path));
                parser.skipChildren();
            }
        }
    }

    /**
     * The {@code keen} object: {@code timestamp} is the client's event time; {@code id} and {@code created_at} are
     * the server's to assign and are ignored; anything else is an ordinary property under {@code keen.}.
     */
    private void readKeen(JsonParser parser) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "timestamp" -> readTimestamp(parser);
                case "id", "created_at" -> parser.skipChildren();
                default -> {
                    Optional<EventError> badName = EventNames.checkProperty(name);
                    if (badName.isPresent()) {
                        fail(badName.get());
                        parser.skipChildren();
                    } else {
                        readValue(parser, path(KEEN_PREFIX, name), 1);
                    }
                }
            }
        }
    }

    private void readTimestamp(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        long micros = parser.currentToken() == JsonToken.VALUE_STRING
                ? IsoDateTimes.parseMicros(parser.getText())
                : IsoDateTimes.NOT_A_DATETIME;
        if (micros == IsoDateTimes.NOT_A_DATETIME) {
            fail(new EventError(ErrorCode.INVALID_EVENT,
                    "keen.timestamp must be an ISO-8601 date-time string such as 2024-01-02T03:04:05.000Z"));
            parser.skipChildren();
            return;
        }
        builder.timestampMicros = micros;
    }

    private String copyJson(JsonParser parser) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private String path(String prefix, String name) {
        return paths.computeIfAbsent(prefix, p -> new IdentityHashMap<>())
                .computeIfAbsent(name, n -> prefix.isEmpty() ? n : prefix + n);
    }

    private void fail(EventError error) {
        if (firstError == null) {
            firstError = error;
        }
    }
}
