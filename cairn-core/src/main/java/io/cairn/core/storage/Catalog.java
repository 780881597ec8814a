package io.cairn.core.storage;

import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.project.Project;
import io.cairn.core.project.StoredKey;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: projects and their keys (later also saved queries, dashboards, jobs and schedules). Its schema is
 * versioned and migrated forward when the engine starts.
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

    /** Deletes a project and all its keys; returns false when there was no such project. */
    boolean deleteProject(ProjectId projectId);

    /** Adds a key to an existing project. */
    void insertKey(StoredKey key);

    /** The keys of one project, revoked ones included, oldest first. */
    List<StoredKey> listKeys(ProjectId projectId);

    /** Every key of every project; read once at startup to fill the credential cache. */
    List<StoredKey> listAllKeys();

    /** Marks a key revoked; returns false when the project has no such key. Revoking twice is not an error. */
    boolean revokeKey(ProjectId projectId, KeyId keyId);
}
