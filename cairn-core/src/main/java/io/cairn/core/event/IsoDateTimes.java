package io.cairn.core.event;

import io.cairn.core.model.AsciiDigits;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Recognises ISO-8601 date-times in event strings without exceptions or regexes (it runs on every string of every
 * event): {@code 2024-01-02T03:04:05}, with optional fraction (up to nanoseconds, kept to microseconds) and an
 * optional {@code Z} or {@code ±HH:MM}/{@code ±HHMM}/{@code ±HH} offset; a space may stand for the {@code T}. A
 * value without an offset is UTC. A date alone is not a date-time. Writes them back in the one form events leave
 * Cairn in, for the same reason: extractions format every date-time of every event.
 */
public final class IsoDateTimes {

    /** Returned for strings that are not date-times. */
    public static final long NOT_A_DATETIME = Long.MIN_VALUE;
    /** The length of {@link #formatMillis}'s form. */
    public static final int MILLIS_LENGTH = 24;

    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private IsoDateTimes() {}

    /** Microseconds since the epoch, or {@link #NOT_A_DATETIME}. */
    public static long parseMicros(String s) {
        int n = s.length();
        if (n < 16 || n > 40 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
            return NOT_A_DATETIME;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return NOT_A_DATETIME;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || hour > 23 || minute > 59) {
            return NOT_A_DATETIME;
        }
        int i = 16;
        int second = 0;
        long micros = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return NOT_A_DATETIME;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    if (i - start < 6) {
                        micros = micros * 10 + (s.charAt(i) - '0');
                    }
                    i++;
                }
                int kept = Math.min(i - start, 6);
                if (i == start) {
                    return NOT_A_DATETIME;
                }
                for (int k = kept; k < 6; k++) {
                    micros *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char sign = s.charAt(i);
            if ((sign == 'Z' || sign == 'z') && i == n - 1) {
                i++;
            } else if (sign == '+' || sign == '-') {
                int oh = digits(s, i + 1, 2);
                int om = 0;
                int end = i + 3;
                if (end < n) {
                    int colon = s.charAt(end) == ':' ? 1 : 0;
                    om = digits(s, end + colon, 2);
                    end += colon + 2;
                }
                if (oh < 0 || om < 0 || oh > 18 || om > 59 || end != n) {
                    return NOT_A_DATETIME;
                }
                offsetSeconds = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
                i = end;
            } else {
                return NOT_A_DATETIME;
            }
        }
        if (i != n) {
            return NOT_A_DATETIME;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_A_DATETIME;
        }
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000 + micros;
    }

    /** {@code 2024-01-02T03:04:05.678Z}: UTC, always with milliseconds (the rest of the microseconds dropped). */
    public static String formatMillis(long micros) {
        byte[] text = new byte[MILLIS_LENGTH];
        writeMillis(micros, text, 0);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #formatMillis} as {@value #MILLIS_LENGTH} ASCII bytes at {@code at}, for answers that stream many
     * date-times straight into a byte buffer.
     */
    public static void writeMillis(long micros, byte[] text, int at) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
        // Years are 0 to 9999: parsing takes four digits.
        putTwo(text, at, date.getYear() / 100);
        putTwo(text, at + 2, date.getYear());
        text[at + 4] = '-';
        putTwo(text, at + 5, date.getMonthValue());
        text[at + 7] = '-';
        putTwo(text, at + 8, date.getDayOfMonth());
        text[at + 10] = 'T';
        long microOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        int secondOfDay = (int) (microOfDay / 1_000_000);
        putTwo(text, at + 11, secondOfDay / 3600);
        text[at + 13] = ':';
        putTwo(text, at + 14, secondOfDay / 60 % 60);
        text[at + 16] = ':';
        putTwo(text, at + 17, secondOfDay % 60);
        text[at + 19] = '.';
        int millis = (int) (microOfDay % 1_000_000 / 1000);
        text[at + 20] = (byte) ('0' + millis / 100);
        putTwo(text, at + 21, millis);
        text[at + 23] = 'Z';
    }

    /** The last two decimal digits of {@code value}, from a table: one division instead of two per digit. */
    private static void putTwo(byte[] text, int at, int value) {
        int pair = AsciiDigits.PAIRS[Math.floorMod(value, 100)];
        text[at] = (byte) pair;
        text[at + 1] = (byte) (pair >>> 8);
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
