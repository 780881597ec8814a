package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.event.IsoDateTimes;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.TimeZones;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as TempoDB's client sends them: ISO-8601, as Python's {@code isoformat()} writes them. A time with an
 * offset (or {@code Z}) is that instant; a time without one is a reading of the clock in the request's {@code tz}
 * (UTC without one); a date alone is its midnight there.
 */
final class TempoDbTime {

    private TempoDbTime() {}

    /** The zone of a {@code tz} parameter; UTC when absent. */
    static ZoneId zone(String tz) {
        try {
            return TimeZones.parse(tz);
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.field("tz", "tz must be a time zone name such as America/Chicago or an"
                    + " offset in seconds, got '" + tz + "'");
        }
    }

    /** Microseconds since the epoch of {@code text}, a request's {@code field}. */
    static long micros(String text, ZoneId zone, String field) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.field(field, field + " is required: an ISO-8601 time such as"
                    + " 2012-01-01T00:00:00");
        }
        String trimmed = text.trim();
        if (zone.equals(ZoneOffset.UTC) || hasOffset(trimmed)) {
            long micros = IsoDateTimes.parseMicros(trimmed);
            if (micros != IsoDateTimes.NOT_A_DATETIME) {
                return micros;
            }
        }
        try {
            LocalDateTime local = trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay()
                    : LocalDateTime.parse(trimmed.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return EpochMicros.of(local.atZone(zone).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            throw InvalidRequestException.field(field, field + " must be an ISO-8601 time such as"
                    + " 2012-01-01T00:00:00 or 2012-01-01T00:00:00.000Z, got '" + text + "'");
        }
    }

    static Instant instant(String text, ZoneId zone, String field) {
        long micros = micros(text, zone, field);
        return EpochMicros.toInstant(micros);
    }

    private static boolean hasOffset(String text) {
        if (text.endsWith("Z") || text.endsWith("z")) {
            return true;
        }
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        return sign > 10;
    }
}
