package io.cairn.server.http;

import io.cairn.core.event.IsoDateTimes;
import java.nio.charset.StandardCharsets;
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

    /** The longest {@link #writeMicros} writes: a signed six-digit year ({@code +294247-01-10T04:00:54.775Z}). */
    public static final int MAX_MICROS_LENGTH = 27;

    private WireTime() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /**
     * {@link #format} of a time in microseconds since the epoch, as ASCII bytes at {@code at}, digit by digit:
     * answers streaming many points write one per point, where the general formatter would cost more than the rest
     * of the point. Returns the position after the time; it takes at most {@value #MAX_MICROS_LENGTH} bytes.
     */
    public static int writeMicros(long micros, byte[] text, int at) {
        if (micros >= FIRST_FOUR_DIGIT_MICROS && micros < AFTER_FOUR_DIGIT_MICROS) {
            IsoDateTimes.writeMillis(micros, text, at);
            return at + IsoDateTimes.MILLIS_LENGTH;
        }
        // The digit-by-digit form has room for years 0 to 9999 only.
        byte[] general = format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000))).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(general, 0, text, at, general.length);
        return at + general.length;
    }
}
