package io.cairn.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes, written in configuration as {@code 512KB}, {@code 64MB}, {@code 2GB} (powers of 1024). */
public record DataSize(long bytes) implements Comparable<DataSize> {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([KMGT]?)B?", Pattern.CASE_INSENSITIVE);
    private static final List<String> UNITS = List.of("B", "KB", "MB", "GB", "TB");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKilobytes(long kilobytes) {
        return new DataSize(Math.multiplyExact(kilobytes, 1L << 10));
    }

    public static DataSize ofMegabytes(long megabytes) {
        return new DataSize(Math.multiplyExact(megabytes, 1L << 20));
    }

    public static DataSize ofGigabytes(long gigabytes) {
        return new DataSize(Math.multiplyExact(gigabytes, 1L << 30));
    }

    /** Parses {@code 123}, {@code 123B}, {@code 64KB}, {@code 64MB}, {@code 2GB}, {@code 1TB} (also {@code 64M}). */
    public static DataSize parse(String text) {
        requireNonNull(text, "text is null");
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (expected e.g. 512KB, 64MB, 2GB): " + text);
        }
        long number = Long.parseLong(m.group(1));
        String prefix = m.group(2).toUpperCase(Locale.ROOT);
        int shift = prefix.isEmpty() ? 0 : 10 * UNITS.indexOf(prefix + "B");
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size too large: " + text);
        }
        return new DataSize(number << shift);
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The largest whole unit: {@code 64MB}, {@code 1536KB}, {@code 7B}. */
    @Override
    public String toString() {
        long value = bytes;
        int unit = 0;
        while (unit < UNITS.size() - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + UNITS.get(unit);
    }
}
