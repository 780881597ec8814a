package io.cairn.core.dataset;

import io.cairn.core.event.CollectionSchema;
import io.cairn.core.model.ColumnType;
import io.cairn.core.model.EpochMicros;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.SqlDialect;
import io.cairn.core.storage.StorageEngine;
import io.cairn.core.storage.WriteSession;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where datasets' precomputed buckets live: two tables in each project's own database. {@code
 * cairn_dataset_values} holds one row per dataset, index value and bucket, found by its {@code series} (dataset and
 * index value) through an index; {@code cairn_dataset_state} holds per dataset the fingerprint of the definition the
 * values were computed for and the clock reading of the last refresh (null: rebuild everything).
 */
final class DatasetTables {

    static final String VALUES = "cairn_dataset_values";
    static final String STATE = "cairn_dataset_state";

    /** Separates the dataset's name from the index value in a series key; never part of a name or JSON text. */
    private static final char SEPARATOR = '\u001f';

    private static final List<RowBatch.Column> VALUE_COLUMNS = List.of(
            new RowBatch.Column("dataset", ColumnType.VARCHAR), new RowBatch.Column("series", ColumnType.VARCHAR),
            new RowBatch.Column("bucket_start", ColumnType.BIGINT), new RowBatch.Column("value", ColumnType.VARCHAR));

    private final StorageEngine storage;
    private final SqlDialect dialect;
    private final Set<ProjectId> prepared = ConcurrentHashMap.newKeySet();

    DatasetTables(StorageEngine storage) {
        this.storage = storage;
        this.dialect = storage.dialect();
    }

    /** The stored fingerprint and last refresh of a dataset. */
    record State(String fingerprint, Optional<Instant> refreshedAt) {}

    /** One computed bucket of one index value. */
    record Value(String indexKey, Instant bucketStart, String json) {}

    Optional<State> state(ProjectId projectId, String dataset) {
        return store(projectId).read(session -> session.queryOne("SELECT fingerprint, refreshed_at FROM " + STATE
                + " WHERE dataset = ?", List.of(dataset),
                row -> new State(row.string(1), Optional.ofNullable(row.instant(2)))));
    }

    /** Clears the last refresh of these datasets, so that their next refresh rebuilds them. */
    void markStale(ProjectId projectId, Collection<String> datasets) {
        if (datasets.isEmpty()) {
            return;
        }
        store(projectId).write(session -> {
            for (String dataset : datasets) {
                session.execute("UPDATE " + STATE + " SET refreshed_at = NULL WHERE dataset = ?", List.of(dataset));
            }
            return null;
        });
    }

    /** The stored buckets of one index value whose start falls in {@code range}, by bucket start. */
    Map<Instant, String> values(ProjectId projectId, String dataset, String indexKey, TimeRange range) {
        Map<Instant, String> values = new HashMap<>();
        store(projectId).read(session -> {
            session.forEach("SELECT bucket_start, value FROM " + VALUES + " WHERE series = ? AND bucket_start >= ?"
                    + " AND bucket_start < ?", List.of(series(dataset, indexKey), range.startMicros(),
                    range.endMicros()), row -> values.put(EpochMicros.toInstant(row.longValue(1)),
                    row.string(2)));
            return null;
        });
        return values;
    }

    /**
     * The span of event times among events of {@code schema} recorded at or after {@code since} ({@code
     * keen.created_at}): what a refresh must recompute. Empty when none were.
     */
    Optional<TimeRange> changedSince(ProjectId projectId, CollectionSchema schema, Instant since) {
        String timestamp = dialect.quoteIdentifier(CollectionSchema.TIMESTAMP_COLUMN);
        String createdAt = dialect.quoteIdentifier(CollectionSchema.CREATED_AT_COLUMN);
        return store(projectId).read(session -> session.queryOne("SELECT " + dialect.epochMicros("min(" + timestamp
                + ")") + ", " + dialect.epochMicros("max(" + timestamp + ")") + " FROM "
                + dialect.quoteIdentifier(schema.table()) + " WHERE " + createdAt + " >= ?", List.of(since),
                row -> row.longValue(1) == null ? null : TimeRange.of(EpochMicros.toInstant(row.longValue(1)),
                        EpochMicros.toInstant(row.longValue(2) + 1))));
    }

    /**
     * Starts a rebuild: drops every value of the dataset and records the new fingerprint with no refresh, so that
     * a rebuild cut short starts over.
     */
    void startRebuild(ProjectId projectId, String dataset, String fingerprint) {
        store(projectId).write(session -> {
            session.execute("DELETE FROM " + VALUES + " WHERE dataset = ?", List.of(dataset));
            session.execute("DELETE FROM " + STATE + " WHERE dataset = ?", List.of(dataset));
            session.execute("INSERT INTO " + STATE + " VALUES (?, ?, NULL)", List.of(dataset, fingerprint));
            return null;
        });
    }

    /** Replaces the buckets of {@code range} with {@code values}, in one commit. */
    void replace(ProjectId projectId, String dataset, TimeRange range, List<Value> values) {
        RowBatch.Builder rows = RowBatch.builder(VALUE_COLUMNS, values.size());
        for (Value value : values) {
            rows.setString(0, dataset).setString(1, series(dataset, value.indexKey()))
                    .setLong(2, EpochMicros.of(value.bucketStart())).setString(3, value.json()).endRow();
        }
        RowBatch batch = rows.build();
        store(projectId).write(session -> {
            session.execute("DELETE FROM " + VALUES + " WHERE dataset = ? AND bucket_start >= ? AND bucket_start < ?",
                    List.of(dataset, range.startMicros(), range.endMicros()));
            if (batch.size() > 0) {
                session.append(VALUES, batch);
            }
            return null;
        });
    }

    /** Records a finished refresh and drops the buckets that have left the window. */
    void finishRefresh(ProjectId projectId, String dataset, Instant refreshedAt, Instant windowStart) {
        store(projectId).write(session -> {
            session.execute("DELETE FROM " + VALUES + " WHERE dataset = ? AND bucket_start < ?",
                    List.of(dataset, EpochMicros.of(windowStart)));
            session.execute("UPDATE " + STATE + " SET refreshed_at = ? WHERE dataset = ?",
                    List.of(refreshedAt, dataset));
            return null;
        });
    }

    void drop(ProjectId projectId, String dataset) {
        store(projectId).write(session -> {
            session.execute("DELETE FROM " + VALUES + " WHERE dataset = ?", List.of(dataset));
            session.execute("DELETE FROM " + STATE + " WHERE dataset = ?", List.of(dataset));
            return null;
        });
    }

    void forgetProject(ProjectId projectId) {
        prepared.remove(projectId);
    }

    private ProjectStore store(ProjectId projectId) {
        ProjectStore store = storage.project(projectId);
        if (!prepared.contains(projectId)) {
            store.write(DatasetTables::create);
            prepared.add(projectId);
        }
        return store;
    }

    private static Void create(WriteSession session) {
        session.execute("CREATE TABLE IF NOT EXISTS " + VALUES + " (dataset VARCHAR NOT NULL, series VARCHAR NOT NULL,"
                + " bucket_start BIGINT NOT NULL, value VARCHAR NOT NULL)", List.of());
        session.execute("CREATE INDEX IF NOT EXISTS " + VALUES + "_series ON " + VALUES + " (series)", List.of());
        session.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (dataset VARCHAR PRIMARY KEY,"
                + " fingerprint VARCHAR NOT NULL, refreshed_at TIMESTAMP)", List.of());
        return null;
    }

    private static String series(String dataset, String indexKey) {
        return dataset + SEPARATOR + indexKey;
    }

}
