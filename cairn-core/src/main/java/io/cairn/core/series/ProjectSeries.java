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

    void compact(WriteSession session) {
        tables.compact(session);
        freshPoints.set(0);
        compactionQueued.set(false);
    }

    void compactionFailed() {
        compactionQueued.set(false);
    }
}
