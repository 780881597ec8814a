package io.cairn.core.storage.duckdb;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.ConflictException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.dataset.Dataset;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.event.PropertyType;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.ApiKey;
import io.cairn.core.project.Project;
import io.cairn.core.project.Role;
import io.cairn.core.project.StoredAccessKey;
import io.cairn.core.project.StoredKey;
import io.cairn.core.query.QueryRun;
import io.cairn.core.query.SavedQuery;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.ProjectStore.WriteUnit;
import io.cairn.core.storage.Row;
import io.cairn.core.storage.Upserted;
import io.cairn.core.storage.WriteSession;
import io.cairn.core.storage.duckdb.DuckDbMigrations.Migration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** The catalog in its own DuckDB file, {@code catalog.duckdb}. */
final class DuckDbCatalog implements Catalog {

    /** The catalog's schema history; append only, never edit a released step. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "projects and keys", List.of(
                    "CREATE TABLE projects (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL UNIQUE,"
                            + " created_at TIMESTAMP NOT NULL)",
                    "CREATE TABLE project_keys (id VARCHAR PRIMARY KEY, project_id VARCHAR NOT NULL,"
                            + " role VARCHAR NOT NULL, name VARCHAR, created_at TIMESTAMP NOT NULL,"
                            + " revoked BOOLEAN NOT NULL, secret_hash BLOB NOT NULL, sealed_secret BLOB)",
                    "CREATE INDEX project_keys_by_project ON project_keys (project_id)")),
            new Migration(2, "event collection schemas", List.of(
                    "CREATE TABLE event_collections (project_id VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                            + " table_name VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,"
                            + " PRIMARY KEY (project_id, name))",
                    "CREATE TABLE event_columns (project_id VARCHAR NOT NULL, collection VARCHAR NOT NULL,"
                            + " path VARCHAR NOT NULL, type VARCHAR NOT NULL, column_name VARCHAR,"
                            + " position BIGINT NOT NULL, PRIMARY KEY (project_id, collection, path, type))")),
            new Migration(3, "access keys", List.of(DuckDbAccessKeys.CREATE_TABLE, DuckDbAccessKeys.CREATE_INDEX)),
            new Migration(4, "saved queries", List.of(DuckDbSavedQueries.CREATE_TABLE)),
            new Migration(5, "cached datasets", List.of(DuckDbDatasets.CREATE_TABLE)));

    private static final String KEY_COLUMNS =
            "id, project_id, role, name, created_at, revoked, secret_hash, sealed_secret";
    /** Keys issued together (a new project's three) list as master, write, read. */
    private static final String KEY_ORDER =
            " ORDER BY created_at, CASE role WHEN 'master' THEN 0 WHEN 'write' THEN 1 ELSE 2 END, id";

    private final DuckDbDatabase database;
    private final boolean createdNow;

    DuckDbCatalog(DuckDbDatabase database, boolean createdNow) {
        this.database = database;
        this.createdNow = createdNow;
        DuckDbMigrations.migrate(database, MIGRATIONS);
    }

    @Override
    public boolean createdNow() {
        return createdNow;
    }

    @Override
    public void createProject(Project project, List<StoredKey> keys) {
        write(session -> {
            session.execute("INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)",
                    List.of(project.id().value(), project.name(), project.createdAt()));
            for (StoredKey key : keys) {
                insertKey(session, key);
            }
            return null;
        }, ErrorCode.PROJECT_NAME_TAKEN, "a project named " + project.name() + " already exists");
    }

    @Override
    public List<Project> listProjects() {
        return database.read(session -> session.query(
                "SELECT id, name, created_at FROM projects ORDER BY created_at, id", List.of(),
                DuckDbCatalog::project));
    }

    @Override
    public Optional<Project> findProject(ProjectId projectId) {
        return database.read(session -> session.queryOne(
                "SELECT id, name, created_at FROM projects WHERE id = ?", List.of(projectId.value()),
                DuckDbCatalog::project));
    }

    @Override
    public boolean deleteProject(ProjectId projectId) {
        return write(session -> {
            session.execute("DELETE FROM event_columns WHERE project_id = ?", List.of(projectId.value()));
            session.execute("DELETE FROM event_collections WHERE project_id = ?", List.of(projectId.value()));
            session.execute("DELETE FROM project_keys WHERE project_id = ?", List.of(projectId.value()));
            session.execute(DuckDbAccessKeys.DELETE_PROJECT, List.of(projectId.value()));
            session.execute(DuckDbSavedQueries.DELETE_PROJECT, List.of(projectId.value()));
            session.execute(DuckDbDatasets.DELETE_PROJECT, List.of(projectId.value()));
            return session.execute("DELETE FROM projects WHERE id = ?", List.of(projectId.value())) > 0;
        }, ErrorCode.CONCURRENT_CHANGE, "project " + projectId + " changed concurrently");
    }

    @Override
    public void insertKey(StoredKey key) {
        write(session -> {
            insertKey(session, key);
            return null;
        }, ErrorCode.CONCURRENT_CHANGE, "key " + key.key().id() + " already exists");
    }

    @Override
    public List<StoredKey> listKeys(ProjectId projectId) {
        return database.read(session -> session.query(
                "SELECT " + KEY_COLUMNS + " FROM project_keys WHERE project_id = ?" + KEY_ORDER,
                List.of(projectId.value()), DuckDbCatalog::storedKey));
    }

    @Override
    public List<StoredKey> listAllKeys() {
        return database.read(session -> session.query(
                "SELECT " + KEY_COLUMNS + " FROM project_keys" + KEY_ORDER, List.of(),
                DuckDbCatalog::storedKey));
    }

    @Override
    public boolean revokeKey(ProjectId projectId, KeyId keyId) {
        return write(session -> session.execute(
                "UPDATE project_keys SET revoked = true WHERE project_id = ? AND id = ?",
                List.of(projectId.value(), keyId.value())) > 0, ErrorCode.CONCURRENT_CHANGE,
                "key " + keyId + " changed concurrently");
    }

    @Override
    public void insertAccessKey(StoredAccessKey key) {
        write(session -> session.execute(DuckDbAccessKeys.INSERT, DuckDbAccessKeys.insertValues(key)),
                ErrorCode.CONCURRENT_CHANGE, "access key " + key.id() + " already exists");
    }

    @Override
    public List<StoredAccessKey> listAllAccessKeys() {
        return database.read(session -> session.query(DuckDbAccessKeys.SELECT_ALL, List.of(),
                DuckDbAccessKeys::read));
    }

    @Override
    public boolean updateAccessKey(StoredAccessKey key) {
        return write(session -> session.execute(DuckDbAccessKeys.UPDATE, DuckDbAccessKeys.updateValues(key)) > 0,
                ErrorCode.CONCURRENT_CHANGE, "access key " + key.id() + " changed concurrently");
    }

    @Override
    public boolean deleteAccessKey(ProjectId projectId, KeyId keyId) {
        return write(session -> session.execute(DuckDbAccessKeys.DELETE,
                List.of(projectId.value(), keyId.value())) > 0, ErrorCode.CONCURRENT_CHANGE,
                "access key " + keyId + " changed concurrently");
    }

    @Override
    public List<CollectionSchema> listEventCollections(ProjectId projectId) {
        return database.read(session -> {
            Map<String, List<EventColumn>> columns = new HashMap<>();
            session.query("SELECT collection, path, type, column_name FROM event_columns WHERE project_id = ?"
                    + " ORDER BY position", List.of(projectId.value()), row -> columns
                    .computeIfAbsent(row.string(1), c -> new ArrayList<>())
                    .add(new EventColumn(row.string(2), PropertyType.valueOf(row.string(3)), row.string(4))));
            return session.query("SELECT name, table_name, created_at FROM event_collections WHERE project_id = ?"
                    + " ORDER BY created_at, name", List.of(projectId.value()), row -> new CollectionSchema(
                            row.string(1), row.string(2), row.instant(3),
                            columns.getOrDefault(row.string(1), List.of())));
        });
    }

    @Override
    public void createEventCollection(ProjectId projectId, String name, String table, Instant createdAt) {
        write(session -> session.execute("INSERT INTO event_collections VALUES (?, ?, ?, ?)",
                List.of(projectId.value(), name, table, createdAt)), ErrorCode.CONCURRENT_CHANGE,
                "collection " + name + " already exists");
    }

    @Override
    public void addEventColumns(ProjectId projectId, String collection, List<EventColumn> columns) {
        write(session -> {
            long position = session.query("SELECT coalesce(max(position), 0) FROM event_columns"
                    + " WHERE project_id = ? AND collection = ?", List.of(projectId.value(), collection),
                    row -> row.longValue(1)).getFirst();
            for (EventColumn column : columns) {
                List<Object> values = new ArrayList<>(List.of(projectId.value(), collection, column.path(),
                        column.type().name()));
                values.add(column.column());
                values.add(++position);
                session.execute("INSERT INTO event_columns VALUES (?, ?, ?, ?, ?, ?)", values);
            }
            return null;
        }, ErrorCode.CONCURRENT_CHANGE, "columns of " + collection + " changed concurrently");
    }

    @Override
    public void deleteEventCollection(ProjectId projectId, String collection) {
        write(session -> {
            session.execute("DELETE FROM event_columns WHERE project_id = ? AND collection = ?",
                    List.of(projectId.value(), collection));
            return session.execute("DELETE FROM event_collections WHERE project_id = ? AND name = ?",
                    List.of(projectId.value(), collection));
        }, ErrorCode.CONCURRENT_CHANGE, "collection " + collection + " changed concurrently");
    }

    @Override
    public void deleteEventProperty(ProjectId projectId, String collection, String path) {
        write(session -> session.execute("DELETE FROM event_columns WHERE project_id = ? AND collection = ?"
                + " AND path = ?", List.of(projectId.value(), collection, path)), ErrorCode.CONCURRENT_CHANGE,
                "collection " + collection + " changed concurrently");
    }

    @Override
    public Upserted<SavedQuery> putSavedQuery(SavedQuery query) {
        return write(session -> {
            List<Object> key = List.of(query.projectId().value(), query.language(), query.name());
            Optional<SavedQuery> existing = session.queryOne(DuckDbSavedQueries.SELECT_BY_NAME, key,
                    DuckDbSavedQueries::read);
            if (existing.isPresent()) {
                SavedQuery replaced = new SavedQuery(query.projectId(), existing.get().id(), query.language(),
                        query.name(), query.definition(), query.metadata(), query.refreshInterval(),
                        existing.get().createdAt(), query.updatedAt(), Optional.empty());
                session.execute(DuckDbSavedQueries.REPLACE, DuckDbSavedQueries.replaceValues(replaced));
                return new Upserted<>(replaced, false);
            }
            long id = session.queryOne(DuckDbSavedQueries.NEXT_ID, List.of(query.projectId().value()),
                    row -> row.longValue(1)).orElseThrow();
            SavedQuery created = new SavedQuery(query.projectId(), id, query.language(), query.name(),
                    query.definition(), query.metadata(), query.refreshInterval(), query.createdAt(),
                    query.updatedAt(), Optional.empty());
            session.execute(DuckDbSavedQueries.INSERT, DuckDbSavedQueries.insertValues(created));
            return new Upserted<>(created, true);
        }, ErrorCode.CONCURRENT_CHANGE, "saved query " + query.name() + " changed concurrently");
    }

    @Override
    public Optional<SavedQuery> findSavedQuery(ProjectId projectId, String language, String name) {
        return database.read(session -> session.queryOne(DuckDbSavedQueries.SELECT_BY_NAME,
                List.of(projectId.value(), language, name), DuckDbSavedQueries::read));
    }

    @Override
    public List<SavedQuery> listSavedQueries(ProjectId projectId, String language) {
        return database.read(session -> session.query(DuckDbSavedQueries.SELECT_BY_PROJECT,
                List.of(projectId.value(), language), DuckDbSavedQueries::read));
    }

    @Override
    public List<SavedQuery> listCachedQueries() {
        return database.read(session -> session.query(DuckDbSavedQueries.SELECT_CACHED, List.of(),
                DuckDbSavedQueries::read));
    }

    @Override
    public boolean recordQueryRun(SavedQuery query, QueryRun run) {
        return write(session -> session.execute(DuckDbSavedQueries.RECORD_RUN,
                DuckDbSavedQueries.runValues(query, run)) > 0, ErrorCode.CONCURRENT_CHANGE,
                "saved query " + query.name() + " changed concurrently");
    }

    @Override
    public boolean deleteSavedQuery(ProjectId projectId, long id) {
        return write(session -> session.execute(DuckDbSavedQueries.DELETE, List.of(projectId.value(), id)) > 0,
                ErrorCode.CONCURRENT_CHANGE, "saved query " + id + " changed concurrently");
    }

    @Override
    public Upserted<Dataset> putDataset(Dataset dataset) {
        return write(session -> {
            Optional<Dataset> existing = session.queryOne(DuckDbDatasets.SELECT_ONE,
                    List.of(dataset.projectId().value(), dataset.name()), DuckDbDatasets::read);
            if (existing.isPresent()) {
                Dataset replaced = new Dataset(dataset.projectId(), dataset.name(), dataset.language(),
                        dataset.displayName(), dataset.collection(), dataset.definition(), dataset.indexBy(),
                        existing.get().createdAt(), dataset.updatedAt());
                session.execute(DuckDbDatasets.REPLACE, DuckDbDatasets.replaceValues(replaced));
                return new Upserted<>(replaced, false);
            }
            session.execute(DuckDbDatasets.INSERT, DuckDbDatasets.insertValues(dataset));
            return new Upserted<>(dataset, true);
        }, ErrorCode.CONCURRENT_CHANGE, "dataset " + dataset.name() + " changed concurrently");
    }

    @Override
    public Optional<Dataset> findDataset(ProjectId projectId, String name) {
        return database.read(session -> session.queryOne(DuckDbDatasets.SELECT_ONE,
                List.of(projectId.value(), name), DuckDbDatasets::read));
    }

    @Override
    public List<Dataset> listDatasets(ProjectId projectId) {
        return database.read(session -> session.query(DuckDbDatasets.SELECT_BY_PROJECT, List.of(projectId.value()),
                DuckDbDatasets::read));
    }

    @Override
    public List<Dataset> listAllDatasets() {
        return database.read(session -> session.query(DuckDbDatasets.SELECT_ALL, List.of(), DuckDbDatasets::read));
    }

    @Override
    public boolean deleteDataset(ProjectId projectId, String name) {
        return write(session -> session.execute(DuckDbDatasets.DELETE, List.of(projectId.value(), name)) > 0,
                ErrorCode.CONCURRENT_CHANGE, "dataset " + name + " changed concurrently");
    }

    private static void insertKey(WriteSession session, StoredKey stored) {
        ApiKey key = stored.key();
        List<Object> values = new ArrayList<>();
        values.add(key.id().value());
        values.add(key.projectId().value());
        values.add(key.role().id());
        values.add(key.name());
        values.add(key.createdAt());
        values.add(key.revoked());
        values.add(stored.secretHash());
        values.add(stored.sealedSecret());
        session.execute("INSERT INTO project_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** Runs a catalog write and turns a constraint violation into a conflict. */
    private <T> T write(WriteUnit<T> unit, ErrorCode conflict, String conflictMessage) {
        try {
            return database.submit(unit).join();
        } catch (CompletionException e) {
            if (DuckDbErrors.isConstraintViolation(e.getCause())) {
                throw new ConflictException(conflict, conflictMessage);
            }
            if (e.getCause() instanceof CairnException cairn) {
                throw cairn;
            }
            throw e;
        }
    }

    private static Project project(Row row) {
        return new Project(ProjectId.of(row.string(1)), row.string(2), row.instant(3));
    }

    private static StoredKey storedKey(Row row) {
        Role role = Role.fromId(row.string(3))
                .orElseThrow(() -> new IllegalStateException("unknown role in catalog: " + row.string(3)));
        ApiKey key = new ApiKey(KeyId.of(row.string(1)), ProjectId.of(row.string(2)), role, row.string(4),
                row.instant(5), row.booleanValue(6));
        return new StoredKey(key, row.bytes(7), row.bytes(8));
    }
}
