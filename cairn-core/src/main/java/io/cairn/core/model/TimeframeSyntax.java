package io.cairn.core.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.model.Timeframe.Anchor;
import io.cairn.core.model.Timeframe.Relative;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keen's timeframe vocabulary, behind {@link Timeframe#parse} and {@link Timeframe#absolute}. */
final class TimeframeSyntax {

    private static final String EXPECTED = "this_N_units or previous_N_units with N at least 1 and units "
            + TimeSyntax.UNIT_NAMES + " (e.g. this_7_days), a shorthand such as today, yesterday, this_week or "
            + "previous_month, or an absolute {\"start\": ..., \"end\": ...} with ISO-8601 timestamps";

    private static final Pattern RELATIVE = Pattern.compile("(this|previous)_(\\d+)_([a-z]+)");

    private static final Map<String, Timeframe> SHORTHANDS = Map.ofEntries(
            Map.entry("this_minute", new Relative(Anchor.THIS, 1, CalendarUnit.MINUTE)),
            Map.entry("this_hour", new Relative(Anchor.THIS, 1, CalendarUnit.HOUR)),
            Map.entry("this_day", new Relative(Anchor.THIS, 1, CalendarUnit.DAY)),
            Map.entry("today", new Relative(Anchor.THIS, 1, CalendarUnit.DAY)),
            Map.entry("this_week", new Relative(Anchor.THIS, 1, CalendarUnit.WEEK)),
            Map.entry("this_month", new Relative(Anchor.THIS, 1, CalendarUnit.MONTH)),
            Map.entry("this_year", new Relative(Anchor.THIS, 1, CalendarUnit.YEAR)),
            Map.entry("previous_minute", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.MINUTE)),
            Map.entry("previous_hour", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.HOUR)),
            Map.entry("previous_day", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.DAY)),
            Map.entry("yesterday", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.DAY)),
            Map.entry("previous_week", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.WEEK)),
            Map.entry("previous_month", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.MONTH)),
            Map.entry("previous_year", new Relative(Anchor.PREVIOUS, 1, CalendarUnit.YEAR)));

    // Only reads small trees; an ObjectMapper is thread-safe once configured, so one serves every request.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TimeframeSyntax() {}

    static Timeframe parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("timeframe is required: use " + EXPECTED);
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            return parseObject(trimmed, text);
        }
        return relative(TimeSyntax.lower(trimmed))
                .orElseThrow(() -> invalid("timeframe must be " + EXPECTED + ", got " + TimeSyntax.quoted(text)));
    }

    static Timeframe absolute(String start, String end) {
        return new Timeframe.Absolute(instant("start", start), instant("end", end));
    }

    private static Optional<Timeframe> relative(String text) {
        Timeframe shorthand = SHORTHANDS.get(text);
        if (shorthand != null) {
            return Optional.of(shorthand);
        }
        Matcher m = RELATIVE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Anchor anchor = m.group(1).equals("this") ? Anchor.THIS : Anchor.PREVIOUS;
        Optional<CalendarUnit> unit = TimeSyntax.unit(m.group(3));
        return TimeSyntax.positiveCount(m.group(2)).flatMap(count -> unit.map(u -> new Relative(anchor, count, u)));
    }

    private static Timeframe parseObject(String json, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw invalid("timeframe is not valid JSON, got " + TimeSyntax.quoted(text) + "; use " + EXPECTED);
        }
        if (!node.isObject()) {
            throw invalid("timeframe must be " + EXPECTED + ", got " + TimeSyntax.quoted(text));
        }
        return absolute(textOf(node.get("start")), textOf(node.get("end")));
    }

    // A number or an object where a timestamp belongs reads as absent, so the message asks for a timestamp.
    private static String textOf(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Instant instant(String which, String text) {
        if (text == null || text.isBlank()) {
            throw invalid("an absolute timeframe needs a " + which + " timestamp, e.g. "
                    + "{\"start\": \"2024-01-01T00:00:00Z\", \"end\": \"2024-02-01T00:00:00Z\"}");
        }
        return TimeSyntax.timestamp(text).orElseThrow(() -> invalid("timeframe " + which + " must be an ISO-8601"
                + " timestamp such as 2024-01-02T03:04:05Z or a date such as 2024-01-02, got "
                + TimeSyntax.quoted(text)));
    }

    private static InvalidRequestException invalid(String message) {
        return TimeSyntax.invalid(ErrorCode.INVALID_TIMEFRAME, "timeframe", message);
    }
}
