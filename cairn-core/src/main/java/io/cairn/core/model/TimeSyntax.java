package io.cairn.core.model;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The words and timestamps shared by Keen's timeframe and interval vocabulary, and the errors they raise. */
final class TimeSyntax {

    static final String UNIT_NAMES = "minutes, hours, days, weeks, months, years";

    // Longer input is cut in messages: they are shown to users and logged, and a request body can be large.
    private static final int QUOTED_LIMIT = 80;

    // ISO-8601 local date-time with an optional offset; both "+02:00" and "+0200" are seen from Keen clients.
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private TimeSyntax() {}

    /** The unit named by {@code word}, singular or plural, lower case. */
    static Optional<CalendarUnit> unit(String word) {
        String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        return switch (singular) {
            case "minute" -> Optional.of(CalendarUnit.MINUTE);
            case "hour" -> Optional.of(CalendarUnit.HOUR);
            case "day" -> Optional.of(CalendarUnit.DAY);
            case "week" -> Optional.of(CalendarUnit.WEEK);
            case "month" -> Optional.of(CalendarUnit.MONTH);
            case "year" -> Optional.of(CalendarUnit.YEAR);
            default -> Optional.empty();
        };
    }

    /** A count written in the text, or empty when it is zero, negative or too large for an {@code int}. */
    static Optional<Integer> positiveCount(String digits) {
        try {
            int count = Integer.parseInt(digits);
            return count >= 1 ? Optional.of(count) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * An absolute timestamp: ISO-8601 with an offset or {@code Z}; without one it is read in UTC, and a date alone
     * means its midnight in UTC. Empty when the text is none of these.
     */
    static Optional<Instant> timestamp(String text) {
        String trimmed = text.trim();
        try {
            if (!trimmed.contains("T") && !trimmed.contains("t")) {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            TemporalAccessor parsed = TIMESTAMP.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Bad input in {@code field}, in the shape every caller of this package reports it. */
    static InvalidRequestException invalid(ErrorCode code, String field, String message) {
        return new InvalidRequestException(code, message, Map.of("field", field));
    }

    /** {@code text} in quotes for a message, cut short when long; {@code null} reads as nothing. */
    static String quoted(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > QUOTED_LIMIT ? text.substring(0, QUOTED_LIMIT) + "..." : text;
        return '"' + shown + '"';
    }

    static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
