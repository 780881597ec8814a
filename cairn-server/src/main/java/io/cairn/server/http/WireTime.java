package io.cairn.server.http;

import io.cairn.core.event.IsoDateTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as every Cairn wire writes them: UTC, always with milliseconds and a literal {@code Z}
 * ({@code 2012-01-01T01:00:00.000Z}). Some clients parse this with a fixed pattern, so the form never varies.
 */
public final class WireTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final long FIRST_FOUR_DIGIT_MICROS = LocalDate.of(0, 1, 1).toEpochDay() * 86_400_000_000L;
    private static final long AFTER_FOUR_DIGIT_MICROS = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400_000_000L;

    private WireTime() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /**
     * {@link #format} of a time in microseconds since the epoch, digit by digit: answers streaming many points call
     * this per point, where the general formatter would cost more than writing the rest of the point.
     */
    public static String formatMicros(long micros) {
        // The digit-by-digit form has room for years 0 to 9999 only.
        return micros < FIRST_FOUR_DIGIT_MICROS || micros >= AFTER_FOUR_DIGIT_MICROS
                ? format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000))) : IsoDateTimes.formatMillis(micros);
    }
}
