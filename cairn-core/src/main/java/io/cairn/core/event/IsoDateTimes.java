package io.cairn.core.event;

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
        long seconds = Math.floorDiv(micros, 1_000_000);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        char[] text = new char[24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        put(text, 20, (int) (Math.floorMod(micros, 1_000_000) / 1000), 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** {@code value} as exactly {@code width} decimal digits (years are 0 to 9999: parsing takes four digits). */
    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
