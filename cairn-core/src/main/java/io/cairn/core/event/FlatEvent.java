package io.cairn.core.event;

import java.util.Arrays;

/**
 * One valid event, flattened: every leaf value with its dotted property path and its type. Values are held in
 * parallel arrays to keep ingestion allocation light: strings and JSON lists as {@code String}, numbers as {@code
 * double}, booleans as {@code 0/1}, date-times as microseconds since the epoch. A {@code NULL} entry has no value.
 *
 * <p>{@link #timestampMicros()} is the client's {@code keen.timestamp} when it gave one, else {@link
 * #NO_TIMESTAMP}; the server fills in the receive time.
 */
public final class FlatEvent {

    public static final long NO_TIMESTAMP = IsoDateTimes.NOT_A_DATETIME;

    private final String[] paths;
    private final PropertyType[] types;
    private final Object[] objects;
    private final long[] numbers;
    private final int size;
    private final long timestampMicros;

    FlatEvent(String[] paths, PropertyType[] types, Object[] objects, long[] numbers, int size, long timestampMicros) {
        this.paths = paths;
        this.types = types;
        this.objects = objects;
        this.numbers = numbers;
        this.size = size;
        this.timestampMicros = timestampMicros;
    }

    public int size() {
        return size;
    }

    public String path(int i) {
        return paths[i];
    }

    public PropertyType type(int i) {
        return types[i];
    }

    /** The value of a {@code STRING} or {@code LIST} entry. */
    public String text(int i) {
        return (String) objects[i];
    }

    /** The value of a {@code NUMBER} entry. */
    public double number(int i) {
        return Double.longBitsToDouble(numbers[i]);
    }

    public boolean bool(int i) {
        return numbers[i] != 0;
    }

    /** The value of a {@code DATETIME} entry, in microseconds since the epoch. */
    public long micros(int i) {
        return numbers[i];
    }

    public long timestampMicros() {
        return timestampMicros;
    }

    /**
     * Whether {@code other} has the same (path, type) entries in the same order, paths compared by identity: events
     * read by one {@link EventParser} share their path Strings, so most events of a batch match their predecessor
     * and per-property lookups can be done once for the lot. False negatives only cost the lookups.
     */
    boolean sameShape(FlatEvent other) {
        if (other == null || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (other.paths[i] != paths[i] || other.types[i] != types[i]) {
                return false;
            }
        }
        return true;
    }

    /** Builds one event; the parser's scratch space, reused from event to event. */
    static final class Builder {
        private String[] paths = new String[16];
        private PropertyType[] types = new PropertyType[16];
        private Object[] objects = new Object[16];
        private long[] numbers = new long[16];
        private int size;
        long timestampMicros = NO_TIMESTAMP;

        void reset() {
            Arrays.fill(objects, 0, size, null);
            size = 0;
            timestampMicros = NO_TIMESTAMP;
        }

        void text(String path, PropertyType type, String value) {
            add(path, type, value, 0);
        }

        void number(String path, double value) {
            add(path, PropertyType.NUMBER, null, Double.doubleToRawLongBits(value));
        }

        void bool(String path, boolean value) {
            add(path, PropertyType.BOOLEAN, null, value ? 1 : 0);
        }

        void micros(String path, long value) {
            add(path, PropertyType.DATETIME, null, value);
        }

        void nullValue(String path) {
            add(path, PropertyType.NULL, null, 0);
        }

        FlatEvent build() {
            return new FlatEvent(Arrays.copyOf(paths, size), Arrays.copyOf(types, size), Arrays.copyOf(objects, size),
                    Arrays.copyOf(numbers, size), size, timestampMicros);
        }

        private void add(String path, PropertyType type, Object object, long number) {
            if (size == paths.length) {
                int capacity = size * 2;
                paths = Arrays.copyOf(paths, capacity);
                types = Arrays.copyOf(types, capacity);
                objects = Arrays.copyOf(objects, capacity);
                numbers = Arrays.copyOf(numbers, capacity);
            }
            paths[size] = path;
            types[size] = type;
            objects[size] = object;
            numbers[size] = number;
            size++;
        }
    }
}
