package io.cairn.core.storage;

import io.cairn.core.dataset.Dataset;
import io.cairn.core.event.CollectionSchema;
import io.cairn.core.event.EventColumn;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Project;
import io.cairn.core.project.StoredAccessKey;
import io.cairn.core.project.StoredKey;
import io.cairn.core.query.QueryRun;
import io.cairn.core.query.SavedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: projects, their keys and access keys, their event collection schemas, saved queries and cached
 * datasets (later also dashboards, jobs and schedules). Its schema is versioned and migrated forward when the engine starts.
 *
 * <p>Thread-safe. Writes are durable when they return. Methods throw {@code ConflictException} where noted,
 * {@code InternalException} for storage failures and {@code UnavailableException} after close.
 */
public interface Catalog {

    /** Whether the catalog was created by this start, i.e. the data directory was empty. */
    boolean createdNow();

    /**
     * Writes a new project and its first keys in one transaction.
     *
     * @throws io.cairn.core.error.ConflictException when the name or id is taken
     */
    void createProject(Project project, List<StoredKey> keys);

    /** All projects, oldest first. */
    List<Project> listProjects();

    Optional<Project> findProject(ProjectId projectId);

    /** Deletes a project and all its keys and access keys; returns false when there was no such project. */
    boolean deleteProject(ProjectId projectId);

    /** Adds a key to an existing project. */
    void insertKey(StoredKey key);

    /** The keys of one project, revoked ones included, oldest first. */
    List<StoredKey> listKeys(ProjectId projectId);

    /** Every key of every project; read once at startup to fill the credential cache. */
    List<StoredKey> listAllKeys();

    /** Marks a key revoked; returns false when the project has no such key. Revoking twice is not an error. */
    boolean revokeKey(ProjectId projectId, KeyId keyId);

    /**
     * Adds an access key to an existing project. Called by the project service when a master key holder creates
     * one; rare.
     */
    void insertAccessKey(StoredAccessKey key);

    /** Every access key of every project, revoked ones included; read once at startup to fill the key cache. */
    List<StoredAccessKey> listAllAccessKeys();

    /**
     * Replaces an access key's spec (name, state, permissions, options) and update time, found by project and id;
     * the secret never changes. Returns false when the project has no such access key.
     */
    boolean updateAccessKey(StoredAccessKey key);

    /** Deletes an access key; returns false when the project has no such access key. */
    boolean deleteAccessKey(ProjectId projectId, KeyId keyId);

    /** The project's event collections with their columns; read once per project to fill the schema cache. */
    List<CollectionSchema> listEventCollections(ProjectId projectId);

    /**
     * Records a new event collection stored in {@code table}, without property columns yet.
     *
     * @throws io.cairn.core.error.ConflictException when the project already has a collection of that name
     */
    void createEventCollection(ProjectId projectId, String name, String table, Instant createdAt);

    /** Records new property columns of a collection. */
    void addEventColumns(ProjectId projectId, String collection, List<EventColumn> columns);

    /** Forgets a collection and its columns. */
    void deleteEventCollection(ProjectId projectId, String collection);

    /** Forgets every column of one property path (all its types) of a collection. */
    void deleteEventProperty(ProjectId projectId, String collection, String path);

    /**
     * Saves a query under its project, language and name: a new one gets the project's next id and {@code query}'s
     * times; an existing one keeps its id and creation time, takes the definition, metadata, refresh interval and
     * update time of {@code query}, and loses its last run.
     */
    Upserted<SavedQuery> putSavedQuery(SavedQuery query);

    Optional<SavedQuery> findSavedQuery(ProjectId projectId, String language, String name);

    /** A project's saved queries of one language, by name. */
    List<SavedQuery> listSavedQueries(ProjectId projectId, String language);

    /** Every cached query (refresh interval above zero) of every project, for the scheduler. */
    List<SavedQuery> listCachedQueries();

    /**
     * Records a run of {@code query}, unless the query was replaced or deleted since {@code query} was read.
     *
     * @return whether the run was recorded
     */
    boolean recordQueryRun(SavedQuery query, QueryRun run);

    boolean deleteSavedQuery(ProjectId projectId, long id);

    /**
     * Saves a dataset under its project and name: a new one as given; an existing one keeps its creation time and
     * takes everything else from {@code dataset}.
     */
    Upserted<Dataset> putDataset(Dataset dataset);

    Optional<Dataset> findDataset(ProjectId projectId, String name);

    /** A project's datasets, by name. */
    List<Dataset> listDatasets(ProjectId projectId);

    /** Every dataset of every project, for the scheduler. */
    List<Dataset> listAllDatasets();

    boolean deleteDataset(ProjectId projectId, String name);
}
