package io.cairn.core.series;

import io.cairn.core.series.SeriesTables.Numbered;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.WriteSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One project's series state: the series by id and key (loaded once, then kept current by this process, the only
 * writer), the lock that serializes metadata changes, and what the writer knows of the stored points.
 *
 * <p>The writer keeps, per series, the {@link StoredSpans} where it may hold points. A point outside them is a pure
 * append; only points inside can meet a stored point and need the slower replace (or add, for increments). Spans
 * grow inside write units and never shrink, so a unit rolled back leaves them too wide, which costs a lookup but
 * never skips one.
 *
 * <p>It also keeps what lets reads do less: per series, the spans of its points in the fresh table (a read whose
 * series have none in its range skips that table), and, once a read asked, the {@link StoredOrder} of its points in
 * the points table (a read of one series whose points lie in time order needs no sort). A compaction moves the fresh
 * spans aside, where reads still see them until its commit is known, so that no read skips the fresh table while its
 * snapshot may still hold the points there.
 */
final class ProjectSeries {

    private final ProjectStore store;
    private final SeriesTables tables;
    private final long compactAt;
    private final ReentrantLock metadataLock = new ReentrantLock();
    private final Map<String, Numbered> byId = new ConcurrentHashMap<>();
    private final Map<String, Numbered> byKey = new ConcurrentHashMap<>();
    private final Map<Long, StoredSpans> stored = new ConcurrentHashMap<>();
    private final AtomicLong freshPoints = new AtomicLong();
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    /** Per series, where its points in the fresh table may lie. Replaced, never cleared, by the writer. */
    private volatile Map<Long, StoredSpans> fresh = new ConcurrentHashMap<>();
    /** The fresh spans that compactions not yet known to have committed took away. */
    private volatile List<Map<Long, StoredSpans>> compacting = List.of();
    /** Per series whose order a read needed, how its points lie in the points table; the writer keeps it current. */
    private final Map<Long, StoredOrder> order = new ConcurrentHashMap<>();
    private final Set<Long> learningOrder = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    private long nextNumber = 1;

    ProjectSeries(ProjectStore store, SeriesTables tables, long compactAt) {
        this.store = store;
        this.tables = tables;
        this.compactAt = compactAt;
    }

    ProjectStore store() {
        return store;
    }

    ReentrantLock metadataLock() {
        return metadataLock;
    }

    void ensureLoaded() {
        if (loaded) {
            return;
        }
        metadataLock.lock();
        try {
            if (loaded) {
                return;
            }
            store.write(session -> {
                tables.create(session);
                return null;
            });
            store.read(session -> {
                for (Numbered numbered : tables.listSeries(session)) {
                    remember(numbered);
                    nextNumber = Math.max(nextNumber, numbered.number() + 1);
                }
                tables.forEachSpan(session, (series, first, last) -> spans(series).add(first, last));
                tables.forEachFreshSpan(session, (series, first, last) -> freshSpans(series).add(first, last));
                freshPoints.set(tables.countFresh(session));
                return null;
            });
            loaded = true;
        } finally {
            metadataLock.unlock();
        }
    }

    Optional<Numbered> find(SeriesRef ref) {
        return Optional.ofNullable(switch (ref) {
            case SeriesRef.ById id -> byId.get(id.id());
            case SeriesRef.ByKey key -> byKey.get(key.key());
        });
    }

    /** Every series in creation order. */
    List<Numbered> all() {
        List<Numbered> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(Numbered::number));
        return all;
    }

    /** A number for a series about to be created; call with the metadata lock held. */
    long takeNumber() {
        return nextNumber++;
    }

    void remember(Numbered numbered) {
        byId.put(numbered.series().id(), numbered);
        byKey.put(numbered.series().key(), numbered);
    }

    void forget(Numbered numbered) {
        byId.remove(numbered.series().id());
        byKey.remove(numbered.series().key());
        stored.remove(numbered.number());
        order.remove(numbered.number());
    }

    /**
     * How to read {@code series} (empty: every series) in {@code [from, to)} microseconds. A read of one series whose
     * order is not known yet is sorted, and has the writer learn that order for the reads after it.
     */
    SeriesReads.Plan plan(List<Long> series, long from, long to) {
        // fresh before compacting: a compaction publishes its spans in compacting before it empties fresh.
        List<Map<Long, StoredSpans>> freshSpans = new ArrayList<>();
        freshSpans.add(fresh);
        freshSpans.addAll(compacting);
        boolean withFresh = false;
        for (Map<Long, StoredSpans> spans : freshSpans) {
            withFresh |= series.isEmpty() ? spans.values().stream().anyMatch(s -> s.mayHoldAny(from, to - 1))
                    : series.stream().map(spans::get).anyMatch(s -> s != null && s.mayHoldAny(from, to - 1));
        }
        if (series.size() != 1 || withFresh) {
            return new SeriesReads.Plan(withFresh, false);
        }
        StoredOrder known = order.get(series.getFirst());
        if (known == null) {
            learnOrder(series.getFirst());
        }
        return new SeriesReads.Plan(false, known != null && known.inOrder(from, to - 1));
    }

    /** A read found the series' points out of order after all: its reads sort again until it is learnt anew. */
    void orderFailed(long series) {
        order.remove(series);
    }

    /**
     * Runs as a write unit, so that no compaction changes the points table while it is looked at. Best effort: when
     * the writer's queue refuses it, the read that asked still goes on (sorted), and a later read asks again.
     */
    private void learnOrder(long series) {
        if (!learningOrder.add(series)) {
            return;
        }
        try {
            store.submit(session -> {
                order.put(series, tables.storedOrder(session, series));
                return null;
            }).whenComplete((ignored, failure) -> learningOrder.remove(series));
        } catch (RuntimeException e) {
            learningOrder.remove(series);
        }
    }

    private StoredSpans freshSpans(long series) {
        return fresh.computeIfAbsent(series, s -> new StoredSpans());
    }

    /**
     * Stores points of one series, sorted by time with no time twice; runs inside a write unit. Points where the
     * series holds nothing are appended; the others replace (or, incrementing, are added to) what is stored.
     */
    void writeSorted(WriteSession session, long series, long[] times, double[] values, int count, WriteMode mode) {
        StoredSpans spans = spans(series);
        long[] overlapping = null;
        int overlaps = 0;
        for (int i = spans.mayHoldAny(times[0], times[count - 1]) ? 0 : count; i < count; i++) {
            if (spans.mayHold(times[i])) {
                if (overlapping == null) {
                    overlapping = new long[count - i];
                }
                overlapping[overlaps++] = times[i];
            }
        }
        if (overlaps > 0) {
            if (mode == WriteMode.INCREMENT) {
                addStored(session, series, overlapping, overlaps, times, values, count);
            }
            tables.deleteAt(session, series, overlapping, overlaps);
        }
        spans.add(times[0], times[count - 1]);
        freshSpans(series).add(times[0], times[count - 1]);
        freshPoints.addAndGet(count);
    }

    private StoredSpans spans(long series) {
        return stored.computeIfAbsent(series, s -> new StoredSpans());
    }

    private void addStored(WriteSession session, long series, long[] at, int atCount, long[] times, double[] values,
            int count) {
        tables.forEachStored(session, series, at, atCount, (micros, storedValue) -> {
            int index = Arrays.binarySearch(times, 0, count, micros);
            if (index >= 0) {
                values[index] += storedValue;
            }
        });
    }

    /** Whether enough fresh points wait that a compaction should be queued; true once until it ran. */
    boolean claimCompaction() {
        return freshPoints.get() >= compactAt && compactionQueued.compareAndSet(false, true);
    }

    /** Runs inside the compaction's write unit; {@link #compacted} or {@link #compactionFailed} follows. */
    void compact(WriteSession session) {
        Map<Long, StoredSpans> moving = fresh;
        moving.forEach((series, spans) -> {
            StoredOrder known = order.get(series);
            if (known != null) {
                known.append(spans.lowest(), spans.highest());
            }
        });
        List<Map<Long, StoredSpans>> aside = new ArrayList<>(compacting);
        aside.add(moving);
        compacting = List.copyOf(aside);
        fresh = new ConcurrentHashMap<>();
        tables.compact(session);
        freshPoints.set(0);
    }

    /** The compaction committed: reads need not look for its points in the fresh table any more. */
    void compacted() {
        compacting = List.of();
        compactionQueued.set(false);
    }

    /** Its spans stay aside, so reads keep looking in the fresh table there until a later compaction commits. */
    void compactionFailed() {
        compactionQueued.set(false);
    }
}
