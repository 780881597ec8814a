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

    private static final long FIRST_FOUR_DIGIT_MICROS =
            LocalDate.of(0, 1, 1).toEpochDay() * IsoDateTimes.MICROS_PER_DAY;
    private static final long AFTER_FOUR_DIGIT_MICROS =
            LocalDate.of(10_000, 1, 1).toEpochDay() * IsoDateTimes.MICROS_PER_DAY;

    /** The longest {@link Run#write} writes: a signed six-digit year ({@code +294247-01-10T04:00:54.775Z}). */
    public static final int MAX_MICROS_LENGTH = 27;

    private WireTime() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    // The digit-by-digit form has room for years 0 to 9999 only.
    private static int writeGeneral(long micros, byte[] text, int at) {
        byte[] general = format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000))).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(general, 0, text, at, general.length);
        return at + general.length;
    }

    /**
     * Writes {@link #format} of times in microseconds since the epoch as ASCII bytes, digit by digit: answers
     * streaming many points write one per point, where the general formatter would cost more than the rest of the
     * point. It keeps the date of the last time written, since the points of a DataSet mostly share their day with
     * the one before and working the date out was the larger part of writing a time. One per answer; not
     * thread-safe.
     */
    public static final class Run {
        private final byte[] date = new byte[IsoDateTimes.DATE_LENGTH];
        private long day = Long.MIN_VALUE;

        /** Writes the time at {@code at}; returns the position after it ({@value #MAX_MICROS_LENGTH} bytes at most). */
        public int write(long micros, byte[] text, int at) {
            if (micros < FIRST_FOUR_DIGIT_MICROS || micros >= AFTER_FOUR_DIGIT_MICROS) {
                return writeGeneral(micros, text, at);
            }
            long thisDay = Math.floorDiv(micros, IsoDateTimes.MICROS_PER_DAY);
            if (thisDay == day) {
                System.arraycopy(date, 0, text, at, date.length);
                IsoDateTimes.writeMillisTimeOfDay(micros, text, at + date.length);
            } else {
                IsoDateTimes.writeMillis(micros, text, at);
                System.arraycopy(text, at, date, 0, date.length);
                day = thisDay;
            }
            return at + IsoDateTimes.MILLIS_LENGTH;
        }
    }
}
