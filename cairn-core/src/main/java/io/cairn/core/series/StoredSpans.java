package io.cairn.core.series;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

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

    private final TreeMap<Long, Long> endByStart = new TreeMap<>();

    /** Whether any span meets {@code [from, to]}: when none does, no time in it needs a lookup. */
    synchronized boolean mayHoldAny(long from, long to) {
        Map.Entry<Long, Long> before = endByStart.floorEntry(to);
        return before != null && before.getValue() >= from;
    }

    synchronized boolean mayHold(long micros) {
        Map.Entry<Long, Long> span = endByStart.floorEntry(micros);
        return span != null && span.getValue() >= micros;
    }

    /** Records that points may now be stored anywhere in {@code [from, to]}. */
    synchronized void add(long from, long to) {
        long start = from;
        long end = to;
        Map.Entry<Long, Long> before = endByStart.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Iterator<Map.Entry<Long, Long>> covered = endByStart.subMap(start, true, end, true).entrySet().iterator();
        while (covered.hasNext()) {
            end = Math.max(end, covered.next().getValue());
            covered.remove();
        }
        endByStart.put(start, end);
        if (endByStart.size() > MAX_SPANS) {
            mergeClosest();
        }
    }

    private void mergeClosest() {
        Map.Entry<Long, Long> previous = null;
        Map.Entry<Long, Long> left = null;
        long smallestGap = Long.MAX_VALUE;
        for (Map.Entry<Long, Long> span : endByStart.entrySet()) {
            if (previous != null && span.getKey() - previous.getValue() < smallestGap) {
                smallestGap = span.getKey() - previous.getValue();
                left = previous;
            }
            previous = span;
        }
        Map.Entry<Long, Long> right = endByStart.higherEntry(left.getKey());
        endByStart.remove(right.getKey());
        endByStart.put(left.getKey(), right.getValue());
    }
}
