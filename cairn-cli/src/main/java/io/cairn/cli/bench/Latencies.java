package io.cairn.cli.bench;

import java.util.Arrays;

/** Request latencies in microseconds, kept exactly (the count is bounded by the request count). Thread-safe. */
public final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    public synchronized void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1000;
    }

    public synchronized int count() {
        return size;
    }

    /** The latency at percentile {@code p} (0-100), in milliseconds; 0 when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }
}
