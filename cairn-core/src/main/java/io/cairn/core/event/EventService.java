package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.model.Filter;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.StorageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events: ingestion, collection schemas, deletes. Ingestion validates on the caller's thread, evolves the
 * collection's schema when new (path, type) pairs appear, then hands column batches to the project's writer and
 * returns once they are committed (durable).
 *
 * <p>Thread-safe. Per-project state (schemas, locks) lives in {@link ProjectEvents}, created on first use.
 */
public final class EventService {

    private static final Logger log = LoggerFactory.getLogger(EventService.class);

    private final StorageEngine storage;
    private final Catalog catalog;
    private final EventTables tables;
    private final Clock clock;
    private final Duration idempotencyWindow;
    private final ConcurrentMap<ProjectId, ProjectEvents> projects = new ConcurrentHashMap<>();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    public EventService(StorageEngine storage, Clock clock, Duration idempotencyWindow) {
        this.storage = requireNonNull(storage, "storage is null");
        this.catalog = storage.catalog();
        this.tables = new EventTables(storage.dialect());
        this.clock = requireNonNull(clock, "clock is null");
        this.idempotencyWindow = requireNonNull(idempotencyWindow, "idempotencyWindow is null");
    }

    /** Adds a listener told of every later change to events. */
    public void addListener(EventListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Stores the batch's valid events; returns one result per event, in order. */
    public IngestReport ingest(ProjectId projectId, IngestBatch batch) {
        IngestReport report = project(projectId).ingest(batch);
        if (!listeners.isEmpty()) {
            Set<String> collections = new HashSet<>();
            batch.collections().forEach(group -> collections.add(group.collection()));
            listeners.forEach(listener -> listener.ingested(projectId, collections));
        }
        return report;
    }

    /** The project's collections, oldest first. */
    public List<CollectionSchema> collections(ProjectId projectId) {
        return List.copyOf(project(projectId).schemas().values());
    }

    public Optional<CollectionSchema> findCollection(ProjectId projectId, String name) {
        return Optional.ofNullable(project(projectId).schemas().get(name));
    }

    public CollectionSchema getCollection(ProjectId projectId, String name) {
        return findCollection(projectId, name).orElseThrow(() -> collectionNotFound(name));
    }

    /** How many events match every filter and fall in the timeframe (null: all time); 0 for an unknown collection. */
    public long count(ProjectId projectId, String collection, List<Filter> filters, TimeRange timeframe) {
        Optional<CollectionSchema> schema = findCollection(projectId, collection);
        if (schema.isEmpty()) {
            return 0;
        }
        EventPredicates.Condition where = EventPredicates.compile(schema.get(), filters, timeframe, storage.dialect());
        return store(projectId).read(session -> session.query("SELECT count(*) FROM "
                + storage.dialect().quoteIdentifier(schema.get().table()) + " WHERE " + where.sql(),
                where.parameters(), row -> row.longValue(1))).getFirst();
    }

    /** Deletes the events that match every filter and fall in the timeframe (null: all time); returns how many. */
    public long deleteEvents(ProjectId projectId, String collection, List<Filter> filters, TimeRange timeframe) {
        CollectionSchema schema = getCollection(projectId, collection);
        EventPredicates.Condition where = EventPredicates.compile(schema, filters, timeframe, storage.dialect());
        deleting(projectId, collection);
        long deleted = store(projectId).write(session -> session.execute("DELETE FROM "
                + storage.dialect().quoteIdentifier(schema.table()) + " WHERE " + where.sql(), where.parameters()));
        log.info("events deleted project={} collection={} events={}", projectId, collection, deleted);
        return deleted;
    }

    /** Deletes a collection: its events and its schema. */
    public void deleteCollection(ProjectId projectId, String collection) {
        CollectionSchema schema = getCollection(projectId, collection);
        deleting(projectId, collection);
        project(projectId).deleteCollection(schema);
        log.info("collection deleted project={} collection={}", projectId, collection);
    }

    /** Deletes one property (every type it was stored with) from every event of a collection. */
    public void deleteProperty(ProjectId projectId, String collection, String path) {
        CollectionSchema schema = getCollection(projectId, collection);
        if (schema.columns().stream().noneMatch(column -> column.path().equals(path))) {
            throw new NotFoundException(ErrorCode.COLLECTION_NOT_FOUND,
                    "collection " + collection + " has no property " + path);
        }
        deleting(projectId, collection);
        project(projectId).deleteProperty(schema, path);
        log.info("property deleted project={} collection={} property={}", projectId, collection, path);
    }

    private void deleting(ProjectId projectId, String collection) {
        listeners.forEach(listener -> listener.deleting(projectId, collection));
    }

    /** Drops the cached state of a deleted project. */
    public void forgetProject(ProjectId projectId) {
        projects.remove(projectId);
    }

    ProjectStore store(ProjectId projectId) {
        return storage.project(projectId);
    }

    private ProjectEvents project(ProjectId projectId) {
        ProjectEvents state = projects.computeIfAbsent(projectId,
                id -> new ProjectEvents(id, storage.project(id), catalog, tables, clock, idempotencyWindow));
        state.ensureLoaded();
        return state;
    }

    static NotFoundException collectionNotFound(String name) {
        return new NotFoundException(ErrorCode.COLLECTION_NOT_FOUND, "no collection named " + name);
    }

    static List<EventColumn> stored(List<EventColumn> columns) {
        List<EventColumn> stored = new ArrayList<>();
        for (EventColumn column : columns) {
            if (column.type().isStored()) {
                stored.add(column);
            }
        }
        return stored;
    }
}
