package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ConflictException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.Hex;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.series.SeriesTables.Numbered;
import io.cairn.core.storage.StorageEngine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time series: series metadata, point writes and increments, rollup reads streamed to a sink, range deletes. Every
 * change goes through the project's single writer, so increments of one point never lose an update.
 *
 * <p>Thread-safe. Per-project state lives in {@link ProjectSeries}, created on first use.
 */
public final class SeriesService {

    private static final Logger log = LoggerFactory.getLogger(SeriesService.class);
    /** Fresh points that make the writer sort them into the clustered table. */
    static final long DEFAULT_COMPACT_AT = 1_000_000;

    private final StorageEngine storage;
    private final SeriesTables tables;
    private final SeriesReads reads;
    private final Clock clock;
    private final long compactAt;
    private final ConcurrentMap<ProjectId, ProjectSeries> projects = new ConcurrentHashMap<>();

    public SeriesService(StorageEngine storage, Clock clock) {
        this(storage, clock, DEFAULT_COMPACT_AT);
    }

    /** With {@code compactAt} fresh points per compaction (tests use small values to exercise both tables). */
    public SeriesService(StorageEngine storage, Clock clock, long compactAt) {
        this.storage = requireNonNull(storage, "storage is null");
        this.tables = new SeriesTables(storage.dialect());
        this.reads = new SeriesReads(tables);
        this.clock = requireNonNull(clock, "clock is null");
        this.compactAt = compactAt;
    }

    /** Creates a series with {@code key}, or with a generated key when empty. */
    public Series create(ProjectId projectId, Optional<String> key) {
        ProjectSeries state = project(projectId);
        state.metadataLock().lock();
        try {
            String chosen = key.map(SeriesKeys::check).orElseGet(() -> Hex.random(32));
            if (state.find(SeriesRef.key(chosen)).isPresent()) {
                throw new ConflictException(ErrorCode.SERIES_KEY_TAKEN, "a series with key " + chosen
                        + " already exists", Map.of("field", "key"));
            }
            return createLocked(state, chosen).series();
        } finally {
            state.metadataLock().unlock();
        }
    }

    /** The series selected by {@code filter}, in creation order. */
    public List<Series> list(ProjectId projectId, SeriesFilter filter) {
        return select(project(projectId), filter).stream().map(Numbered::series).toList();
    }

    public Optional<Series> find(ProjectId projectId, SeriesRef ref) {
        return project(projectId).find(ref).map(Numbered::series);
    }

    public Series get(ProjectId projectId, SeriesRef ref) {
        return find(projectId, ref).orElseThrow(() -> notFound(ref));
    }

    /** Replaces a series' name, tags and attributes; its id and key never change. */
    public Series update(ProjectId projectId, String id, String name, List<String> tags,
            Map<String, String> attributes) {
        ProjectSeries state = project(projectId);
        state.metadataLock().lock();
        try {
            Numbered current = state.find(SeriesRef.id(id)).orElseThrow(() -> notFound(SeriesRef.id(id)));
            Numbered updated = new Numbered(current.number(), current.series().withMetadata(name, tags, attributes));
            state.store().write(session -> {
                tables.updateSeries(session, updated);
                return null;
            });
            state.remember(updated);
            return updated.series();
        } finally {
            state.metadataLock().unlock();
        }
    }

    /**
     * Deletes the series {@code filter} selects, with their points; returns how many.
     *
     * @throws InvalidRequestException for an empty filter: deleting everything is {@link #deleteAllSeries}
     */
    public int deleteSeries(ProjectId projectId, SeriesFilter filter) {
        if (filter.isEmpty()) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD,
                    "a delete without any filter would delete every series; ask for truncation explicitly");
        }
        return delete(projectId, filter);
    }

    /** Deletes every series of the project with its points; returns how many. */
    public int deleteAllSeries(ProjectId projectId) {
        return delete(projectId, SeriesFilter.ALL);
    }

    private int delete(ProjectId projectId, SeriesFilter filter) {
        ProjectSeries state = project(projectId);
        state.metadataLock().lock();
        try {
            List<Numbered> doomed = select(state, filter);
            if (doomed.isEmpty()) {
                return 0;
            }
            state.store().write(session -> {
                tables.deleteSeries(session, doomed.stream().map(Numbered::number).toList());
                return null;
            });
            doomed.forEach(state::forget);
            log.info("series deleted project={} series={}", projectId, doomed.size());
            return doomed.size();
        } finally {
            state.metadataLock().unlock();
        }
    }

    /**
     * Writes points: a series named by an unknown key is created, a point naming an unknown id is refused (and the
     * others stored). Returns once the points are durable.
     */
    public WriteReport write(ProjectId projectId, PointBatch batch, WriteMode mode) {
        requireNonNull(mode, "mode is null");
        ProjectSeries state = project(projectId);
        SeriesWrites.Resolved resolved = SeriesWrites.resolve(batch, ref -> resolveForWrite(state, ref));
        if (resolved.size() > 0) {
            state.store().write(session -> {
                SeriesWrites.apply(session, state, resolved, mode);
                return null;
            });
            compactIfDue(projectId, state);
        }
        return new WriteReport(resolved.size(), resolved.refused());
    }

    /** Streams the data sets of every series {@code filter} selects, in creation order. */
    public void read(ProjectId projectId, SeriesFilter filter, SeriesRead read, DataSetSink sink) {
        ProjectSeries state = project(projectId);
        List<Numbered> all = state.all();
        List<Numbered> selected = all.stream().filter(numbered -> filter.matches(numbered.series())).toList();
        boolean everySeries = selected.size() == all.size();
        read(state, selected, everySeries, read, sink);
    }

    /** Streams the data set of one series. */
    public void read(ProjectId projectId, SeriesRef ref, SeriesRead read, DataSetSink sink) {
        ProjectSeries state = project(projectId);
        Numbered series = state.find(ref).orElseThrow(() -> notFound(ref));
        read(state, List.of(series), false, read, sink);
    }

    private void read(ProjectSeries state, List<Numbered> selected, boolean everySeries, SeriesRead read,
            DataSetSink sink) {
        List<Long> numbers = everySeries ? List.of() : selected.stream().map(Numbered::number).toList();
        SeriesReads.Plan plan = state.plan(numbers, read.range().startMicros(), read.range().endMicros());
        try {
            state.store().read(session -> {
                reads.read(session, selected, everySeries, read, plan, sink);
                return null;
            });
        } catch (SeriesReads.OrderBroken e) {
            numbers.forEach(state::orderFailed);
            throw new InternalException(ErrorCode.INTERNAL, "reading the series failed; retry", e);
        }
    }

    /** Deletes one series' points in {@code range} ({@code [start, end)}); returns how many. */
    public long deleteRange(ProjectId projectId, SeriesRef ref, TimeRange range) {
        ProjectSeries state = project(projectId);
        Numbered series = state.find(ref).orElseThrow(() -> notFound(ref));
        return state.store().write(session -> tables.deleteRange(session, series.number(), range.start(),
                range.end()));
    }

    /** Drops the cached state of a deleted project. */
    public void forgetProject(ProjectId projectId) {
        projects.remove(projectId);
    }

    private Optional<Long> resolveForWrite(ProjectSeries state, SeriesRef ref) {
        Optional<Numbered> known = state.find(ref);
        if (known.isPresent() || ref instanceof SeriesRef.ById) {
            return known.map(Numbered::number);
        }
        String key = SeriesKeys.check(((SeriesRef.ByKey) ref).key());
        state.metadataLock().lock();
        try {
            return Optional.of(state.find(ref).orElseGet(() -> createLocked(state, key)).number());
        } finally {
            state.metadataLock().unlock();
        }
    }

    private Numbered createLocked(ProjectSeries state, String key) {
        Numbered created = new Numbered(state.takeNumber(), new Series(Hex.random(32), key, "", List.of(), Map.of()));
        state.store().write(session -> {
            tables.insertSeries(session, created, clock.instant());
            return null;
        });
        state.remember(created);
        return created;
    }

    private void compactIfDue(ProjectId projectId, ProjectSeries state) {
        if (!state.claimCompaction()) {
            return;
        }
        state.store().submit(session -> {
            state.compact(session);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure == null) {
                state.compacted();
            } else {
                state.compactionFailed();
                log.warn("series compaction failed project={} error={}", projectId, failure.toString());
            }
        });
    }

    private static List<Numbered> select(ProjectSeries state, SeriesFilter filter) {
        return state.all().stream().filter(numbered -> filter.matches(numbered.series())).toList();
    }

    private ProjectSeries project(ProjectId projectId) {
        ProjectSeries state = projects.computeIfAbsent(projectId,
                id -> new ProjectSeries(storage.project(id), tables, compactAt));
        state.ensureLoaded();
        return state;
    }

    private static NotFoundException notFound(SeriesRef ref) {
        return new NotFoundException(ErrorCode.SERIES_NOT_FOUND, "no series with " + ref);
    }
}
