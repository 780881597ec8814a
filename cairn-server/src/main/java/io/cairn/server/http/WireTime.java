package io.cairn.server.http;

import io.cairn.core.event.IsoDateTimes;
import io.cairn.core.model.AsciiDigits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
     * Writes {@link #format} of times in microseconds since the epoch as ASCII bytes: answers streaming many points
     * write one per point, where the general formatter would cost more than the rest of the point. It keeps the date
     * of the last time written, since the points of a DataSet mostly share their day with the one before and working
     * the date out was the larger part of writing a time, and it stores the rest in three wide writes (hours to
     * seconds are exactly eight bytes) rather than byte by byte, which took a third of the time. One per answer; not
     * thread-safe.
     */
    public static final class Run {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final long COLONS = ((long) ':' << 16) | ((long) ':' << 40);

        /** The first eight bytes of the date ({@code 2012-01-}) and the next three ({@code 01T}), as stored. */
        private long dateHead;
        private int dateTail;
        private long day = Long.MIN_VALUE;

        /** Writes the time at {@code at}; returns the position after it ({@value #MAX_MICROS_LENGTH} bytes at most). */
        public int write(long micros, byte[] text, int at) {
            if (micros < FIRST_FOUR_DIGIT_MICROS || micros >= AFTER_FOUR_DIGIT_MICROS) {
                return writeGeneral(micros, text, at);
            }
            long thisDay = Math.floorDiv(micros, IsoDateTimes.MICROS_PER_DAY);
            if (thisDay != day) {
                IsoDateTimes.writeMillis(micros, text, at);
                dateHead = (long) LONGS.get(text, at);
                dateTail = (int) INTS.get(text, at + 8) & 0xFF_FFFF;
                day = thisDay;
            }
            long microOfDay = micros - thisDay * IsoDateTimes.MICROS_PER_DAY;
            int secondOfDay = (int) (microOfDay / 1_000_000);
            int millis = (int) (microOfDay % 1_000_000 / 1000);
            LONGS.set(text, at, dateHead);
            // Its fourth byte is overwritten by the hours right after.
            INTS.set(text, at + 8, dateTail);
            int[] pairs = AsciiDigits.PAIRS;
            LONGS.set(text, at + 11, (long) pairs[secondOfDay / 3600] | COLONS
                    | (long) pairs[secondOfDay / 60 % 60] << 24 | (long) pairs[secondOfDay % 60] << 48);
            INTS.set(text, at + 19, '.' | ('0' + millis / 100) << 8 | pairs[millis % 100] << 16);
            text[at + 23] = 'Z';
            return at + IsoDateTimes.MILLIS_LENGTH;
        }
    }
}
