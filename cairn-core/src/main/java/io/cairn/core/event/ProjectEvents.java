package io.cairn.core.event;

import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.RowBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One project's event state: its collection schemas (loaded from the catalog once, then kept current), the lock
 * that serializes schema changes, and idempotency keys in flight.
 *
 * <p>Schema changes are written to the catalog first, then applied to the project's tables with idempotent DDL, so
 * a crash between the two is repaired when the schemas are next loaded. Ingestion reads the schemas without
 * locking (an immutable snapshot) and locks only when it needs new columns.
 */
final class ProjectEvents {

    private static final int TYPES = PropertyType.values().length;

    private final ProjectId projectId;
    private final ProjectStore store;
    private final Catalog catalog;
    private final EventTables tables;
    private final Clock clock;
    private final Duration idempotencyWindow;
    private final ReentrantLock schemaLock = new ReentrantLock();
    private final ConcurrentHashMap<String, CompletableFuture<IngestReport>> inFlight = new ConcurrentHashMap<>();
    private volatile Map<String, CollectionSchema> schemas;
    private volatile Instant lastPurge = Instant.EPOCH;

    ProjectEvents(ProjectId projectId, ProjectStore store, Catalog catalog, EventTables tables, Clock clock,
            Duration idempotencyWindow) {
        this.projectId = projectId;
        this.store = store;
        this.catalog = catalog;
        this.tables = tables;
        this.clock = clock;
        this.idempotencyWindow = idempotencyWindow;
    }

    Map<String, CollectionSchema> schemas() {
        return schemas;
    }

    /** Loads the schemas and repairs the tables to match them (after a crash mid-change), once. */
    void ensureLoaded() {
        if (schemas != null) {
            return;
        }
        schemaLock.lock();
        try {
            if (schemas != null) {
                return;
            }
            Map<String, CollectionSchema> loaded = new LinkedHashMap<>();
            for (CollectionSchema schema : catalog.listEventCollections(projectId)) {
                loaded.put(schema.name(), schema);
            }
            store.write(session -> {
                tables.createIdempotencyTable(session);
                for (CollectionSchema schema : loaded.values()) {
                    tables.createTable(session, schema.table());
                    tables.addColumns(session, schema.table(), schema.columns());
                }
                return null;
            });
            schemas = Collections.unmodifiableMap(loaded);
        } finally {
            schemaLock.unlock();
        }
    }

    IngestReport ingest(IngestBatch batch) {
        Optional<String> key = batch.idempotencyKey();
        if (key.isEmpty()) {
            return ingestNow(batch);
        }
        CompletableFuture<IngestReport> mine = new CompletableFuture<>();
        CompletableFuture<IngestReport> running = inFlight.putIfAbsent(key.get(), mine);
        if (running != null) {
            return running.join();
        }
        try {
            IngestReport report = committedReport(key.get()).orElseGet(() -> ingestNow(batch));
            mine.complete(report);
            return report;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key.get(), mine);
        }
    }

    private IngestReport ingestNow(IngestBatch batch) {
        Instant received = clock.instant();
        long receivedMicros = EpochMicros.of(received);
        List<IngestReport.CollectionResults> results = new ArrayList<>();
        Map<String, List<FlatEvent>> valid = new LinkedHashMap<>();
        for (IngestBatch.CollectionEvents group : batch.collections()) {
            Optional<EventError> badName = EventNames.checkCollection(group.collection());
            List<EventError> errors = new ArrayList<>(group.events().size());
            for (ParsedEvent event : group.events()) {
                switch (event) {
                    case ParsedEvent.Invalid invalid -> errors.add(invalid.error());
                    case ParsedEvent.Valid ok when badName.isPresent() -> errors.add(badName.get());
                    case ParsedEvent.Valid ok -> {
                        errors.add(null);
                        valid.computeIfAbsent(group.collection(), c -> new ArrayList<>()).add(ok.event());
                    }
                }
            }
            results.add(new IngestReport.CollectionResults(group.collection(), errors));
        }
        IngestReport report = new IngestReport(results);
        Map<String, CollectionSchema> current = evolve(valid);
        Map<String, RowBatch> rows = new LinkedHashMap<>();
        valid.forEach((collection, events) -> rows.put(current.get(collection).table(),
                EventRows.build(current.get(collection), events, receivedMicros)));
        Optional<String> key = batch.idempotencyKey();
        if (key.isEmpty()) {
            // Plain appends: small ones are acknowledged from the engine's journal, without waiting for a commit.
            if (!rows.isEmpty()) {
                store.append(rows);
            }
            return report;
        }
        boolean purge = received.isAfter(lastPurge.plus(Duration.ofMinutes(10)));
        store.write(session -> {
            rows.forEach(session::append);
            session.execute("INSERT INTO " + EventTables.IDEMPOTENCY_TABLE + " VALUES (?, ?, ?)",
                    List.of(key.get(), IngestReports.toJson(report), received));
            if (purge) {
                session.execute("DELETE FROM " + EventTables.IDEMPOTENCY_TABLE + " WHERE committed_at < ?",
                        List.of(received.minus(idempotencyWindow)));
            }
            return null;
        });
        if (purge) {
            lastPurge = received;
        }
        return report;
    }

    /** The report of a batch already committed under {@code key} within the window, if any. */
    private Optional<IngestReport> committedReport(String key) {
        Instant oldest = clock.instant().minus(idempotencyWindow);
        return store.read(session -> session.queryOne("SELECT report FROM " + EventTables.IDEMPOTENCY_TABLE
                + " WHERE idempotency_key = ? AND committed_at >= ?", List.of(key, oldest), row -> row.string(1)))
                .map(IngestReports::fromJson);
    }

    /** Makes sure every collection and (path, type) pair in {@code events} has storage; returns the schemas. */
    private Map<String, CollectionSchema> evolve(Map<String, List<FlatEvent>> events) {
        if (!needsChange(schemas, events)) {
            return schemas;
        }
        schemaLock.lock();
        try {
            Map<String, CollectionSchema> next = new LinkedHashMap<>(schemas);
            for (Map.Entry<String, List<FlatEvent>> entry : events.entrySet()) {
                CollectionSchema schema = next.get(entry.getKey());
                if (schema == null) {
                    schema = createCollection(entry.getKey(), next);
                }
                next.put(entry.getKey(), addMissingColumns(schema, entry.getValue()));
            }
            schemas = Collections.unmodifiableMap(next);
            return schemas;
        } finally {
            schemaLock.unlock();
        }
    }

    private static boolean needsChange(Map<String, CollectionSchema> schemas, Map<String, List<FlatEvent>> events) {
        for (Map.Entry<String, List<FlatEvent>> entry : events.entrySet()) {
            CollectionSchema schema = schemas.get(entry.getKey());
            if (schema == null) {
                return true;
            }
            // Events of one batch share path Strings: check each (path, type) once, and each shape once.
            Map<String, boolean[]> checked = new HashMap<>();
            FlatEvent previous = null;
            for (FlatEvent event : entry.getValue()) {
                if (event.sameShape(previous)) {
                    continue;
                }
                previous = event;
                for (int i = 0; i < event.size(); i++) {
                    boolean[] types = checked.computeIfAbsent(event.path(i), p -> new boolean[TYPES]);
                    int type = event.type(i).ordinal();
                    if (!types[type]) {
                        if (schema.column(event.path(i), event.type(i)).isEmpty()) {
                            return true;
                        }
                        types[type] = true;
                    }
                }
            }
        }
        return false;
    }

    private CollectionSchema createCollection(String name, Map<String, CollectionSchema> existing) {
        int highest = 0;
        for (CollectionSchema schema : existing.values()) {
            highest = Math.max(highest, Integer.parseInt(schema.table().substring("events_".length())));
        }
        String table = "events_" + (highest + 1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        catalog.createEventCollection(projectId, name, table, now);
        store.write(session -> {
            tables.createTable(session, table);
            return null;
        });
        return new CollectionSchema(name, table, now, List.of());
    }

    private CollectionSchema addMissingColumns(CollectionSchema schema, List<FlatEvent> events) {
        Set<String> seen = new LinkedHashSet<>();
        List<EventColumn> added = new ArrayList<>();
        for (FlatEvent event : events) {
            for (int i = 0; i < event.size(); i++) {
                String path = event.path(i);
                PropertyType type = event.type(i);
                if (schema.column(path, type).isPresent() || !seen.add(type + " " + path)) {
                    continue;
                }
                String column = type.isStored() ? schema.nextColumnName(EventService.stored(added).size()) : null;
                added.add(new EventColumn(path, type, column));
            }
        }
        if (added.isEmpty()) {
            return schema;
        }
        catalog.addEventColumns(projectId, schema.name(), added);
        store.write(session -> {
            tables.addColumns(session, schema.table(), added);
            return null;
        });
        return schema.withColumns(added);
    }

    void deleteCollection(CollectionSchema schema) {
        schemaLock.lock();
        try {
            catalog.deleteEventCollection(projectId, schema.name());
            store.write(session -> {
                tables.dropTable(session, schema.table());
                return null;
            });
            Map<String, CollectionSchema> next = new LinkedHashMap<>(schemas);
            next.remove(schema.name());
            schemas = Collections.unmodifiableMap(next);
        } finally {
            schemaLock.unlock();
        }
    }

    void deleteProperty(CollectionSchema schema, String path) {
        schemaLock.lock();
        try {
            CollectionSchema current = schemas.get(schema.name());
            if (current == null) {
                throw EventService.collectionNotFound(schema.name());
            }
            List<EventColumn> dropped = current.columns().stream().filter(c -> c.path().equals(path)).toList();
            catalog.deleteEventProperty(projectId, current.name(), path);
            store.write(session -> {
                tables.dropColumns(session, current.table(), dropped);
                return null;
            });
            Map<String, CollectionSchema> next = new LinkedHashMap<>(schemas);
            next.put(current.name(), current.withoutPath(path));
            schemas = Collections.unmodifiableMap(next);
        } finally {
            schemaLock.unlock();
        }
    }
}
