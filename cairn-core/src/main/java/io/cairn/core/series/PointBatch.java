package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

import io.cairn.core.model.EpochMicros;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Points to write, each naming its series: held column by column, since a bulk write carries millions. Built with a
 * {@link Builder}; immutable once built.
 */
public final class PointBatch {

    private final List<SeriesRef> refs;
    private final long[] micros;
    private final double[] values;

    private PointBatch(List<SeriesRef> refs, long[] micros, double[] values) {
        this.refs = refs;
        this.micros = micros;
        this.values = values;
    }

    public static Builder builder(int expectedPoints) {
        return new Builder(expectedPoints);
    }

    /** Points of one series. */
    public static PointBatch of(SeriesRef ref, List<Instant> times, List<Double> values) {
        Builder builder = builder(times.size());
        for (int i = 0; i < times.size(); i++) {
            builder.add(ref, EpochMicros.of(times.get(i)), values.get(i));
        }
        return builder.build();
    }

    public int size() {
        return refs.size();
    }

    public SeriesRef ref(int point) {
        return refs.get(point);
    }

    /** The point's time in microseconds since the epoch. */
    public long micros(int point) {
        return micros[point];
    }

    public double value(int point) {
        return values[point];
    }

    /** Adds points one at a time. Not thread-safe. */
    public static final class Builder {
        private final List<SeriesRef> refs;
        private long[] micros;
        private double[] values;

        private Builder(int expectedPoints) {
            int capacity = Math.max(16, expectedPoints);
            this.refs = new ArrayList<>(capacity);
            this.micros = new long[capacity];
            this.values = new double[capacity];
        }

        public Builder add(SeriesRef ref, long micros, double value) {
            requireNonNull(ref, "ref is null");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a point's value must be finite: " + value);
            }
            int at = refs.size();
            if (at == this.micros.length) {
                this.micros = Arrays.copyOf(this.micros, at * 2);
                this.values = Arrays.copyOf(this.values, at * 2);
            }
            refs.add(ref);
            this.micros[at] = micros;
            this.values[at] = value;
            return this;
        }

        public int size() {
            return refs.size();
        }

        public PointBatch build() {
            int n = refs.size();
            return new PointBatch(List.copyOf(refs), Arrays.copyOf(micros, n), Arrays.copyOf(values, n));
        }
    }
}
