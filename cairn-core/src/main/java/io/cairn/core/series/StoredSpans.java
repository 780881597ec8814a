package io.cairn.core.series;

/**
 * Where one series may hold stored points: a few disjoint time spans (inclusive, microseconds), each covering the
 * points of earlier writes. A time outside every span certainly holds no point, so a write there is a pure append;
 * only times inside a span need a lookup. Spans only grow (deletes leave them), and past {@link #MAX_SPANS} the two
 * closest merge, so the answer may be a false "maybe" but never a false "no". Several spans, not one latest time,
 * because concurrent writers commit their batches out of time order.
 *
 * <p>Thread-safe (the writer updates it, loading fills it).
 */
final class StoredSpans {

    static final int MAX_SPANS = 32;

    /**
     * Spans sorted by start, disjoint: {@code starts[i] <= ends[i] < starts[i + 1]}. Arrays rather than a sorted map:
     * the writer asks and adds once per series and write, and a merge scans every span.
     */
    private final long[] starts = new long[MAX_SPANS + 1];
    private final long[] ends = new long[MAX_SPANS + 1];
    private int size;

    /** Whether any span meets {@code [from, to]}: when none does, no time in it needs a lookup. */
    synchronized boolean mayHoldAny(long from, long to) {
        int before = lastStartingAtOrBefore(to);
        return before >= 0 && ends[before] >= from;
    }

    synchronized boolean mayHold(long micros) {
        return mayHoldAny(micros, micros);
    }

    /** The start of the first span, or {@link Long#MAX_VALUE} when there is none. */
    synchronized long lowest() {
        return size == 0 ? Long.MAX_VALUE : starts[0];
    }

    /** The end of the last span, or {@link Long#MIN_VALUE} when there is none. */
    synchronized long highest() {
        return size == 0 ? Long.MIN_VALUE : ends[size - 1];
    }

    /** Records that points may now be stored anywhere in {@code [from, to]}. */
    synchronized void add(long from, long to) {
        // The spans that meet [from, to] are first..last; they and it become one.
        int first = lastStartingAtOrBefore(from);
        if (first < 0 || ends[first] < from) {
            first++;
        }
        int last = lastStartingAtOrBefore(to);
        long start = from;
        long end = to;
        if (first <= last) {
            start = Math.min(start, starts[first]);
            end = Math.max(end, ends[last]);
        }
        int removed = last - first + 1;
        System.arraycopy(starts, last + 1, starts, first + 1, size - last - 1);
        System.arraycopy(ends, last + 1, ends, first + 1, size - last - 1);
        size += 1 - removed;
        starts[first] = start;
        ends[first] = end;
        if (size > MAX_SPANS) {
            mergeClosest();
        }
    }

    /** The index of the last span starting at or before {@code micros}, or -1. */
    private int lastStartingAtOrBefore(long micros) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= micros) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

    private void mergeClosest() {
        int left = 0;
        for (int i = 1; i < size - 1; i++) {
            if (starts[i + 1] - ends[i] < starts[left + 1] - ends[left]) {
                left = i;
            }
        }
        ends[left] = ends[left + 1];
        System.arraycopy(starts, left + 2, starts, left + 1, size - left - 2);
        System.arraycopy(ends, left + 2, ends, left + 1, size - left - 2);
        size--;
    }
}
