package io.cairn.server.http;

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

    private WireTime() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /**
     * {@link #format} of a time in microseconds since the epoch, digit by digit: answers streaming many points call
     * this per point, where the general formatter would cost more than writing the rest of the point.
     */
    public static String formatMicros(long micros) {
        long millis = Math.floorDiv(micros, 1000);
        long day = Math.floorDiv(millis, 86_400_000L);
        int ofDay = (int) Math.floorMod(millis, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return format(Instant.ofEpochMilli(millis));
        }
        char[] text = new char[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, ofDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, ofDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, ofDay / 1000 % 60, 2);
        text[19] = '.';
        digits(text, 20, ofDay % 1000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
