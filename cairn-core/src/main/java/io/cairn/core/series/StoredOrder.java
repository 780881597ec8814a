package io.cairn.core.series;

/**
 * How one series' points lie in the points table, in the order they were inserted: runs sorted by time, each
 * appended by a compaction. Where a run began before the latest time stored before it, the times between its first
 * and that latest time are out of order; elsewhere insertion order is time order, so a read of the series in a range
 * that meets none of those spans needs no sort.
 *
 * <p>Thread-safe: the writer appends, reads ask.
 */
final class StoredOrder {

    /** The times where the points are out of order; only ever wider than exact. */
    private final StoredSpans disorder = new StoredSpans();
    private volatile long last;

    /** With the latest time stored ({@link Long#MIN_VALUE} when none) and nothing out of order yet. */
    StoredOrder(long last) {
        this.last = last;
    }

    /** Records that points from {@code from} to {@code to} are out of order with each other. */
    void outOfOrder(long from, long to) {
        disorder.add(from, to);
    }

    /** A compaction appended a sorted run of the series' points, from {@code first} to {@code runLast}. */
    synchronized void append(long first, long runLast) {
        if (first <= last) {
            disorder.add(first, last);
        }
        last = Math.max(last, runLast);
    }

    /** Whether the points of {@code [from, to]} lie in time order in the points table. */
    boolean inOrder(long from, long to) {
        return !disorder.mayHoldAny(from, to);
    }
}
