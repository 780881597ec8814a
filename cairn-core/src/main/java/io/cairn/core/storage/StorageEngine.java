package io.cairn.core.storage;

import io.cairn.core.model.ProjectId;

/**
 * The root of a storage implementation: the catalog, one store per project, and the SQL dialect of the engine.
 *
 * <p>Created once by {@link io.cairn.core.CairnCore} at startup and closed by it at shutdown; every method is
 * thread-safe. Methods throw {@link io.cairn.core.error.CairnException} kinds only ({@code UnavailableException}
 * after close, {@code InternalException} for storage failures).
 */
public interface StorageEngine extends AutoCloseable {

    /** The catalog; the same instance for the engine's whole life. */
    Catalog catalog();

    /**
     * Creates the storage of a new project. Called once per project by the project service, before the project's
     * catalog row is written; a failure leaves nothing behind.
     */
    void createProject(ProjectId projectId);

    /**
     * The store of a project whose storage exists. Cheap: the store opens the project's database lazily, on its
     * first read or write, and the engine closes it again when idle. Called on request threads, often.
     */
    ProjectStore project(ProjectId projectId);

    /**
     * Removes a project's storage for good: waits for its in-flight work, closes it, deletes its files. Idempotent.
     * Called by the project service after the catalog row is gone.
     */
    void dropProject(ProjectId projectId);

    /** The engine's SQL spelling; the same instance for the engine's whole life. */
    SqlDialect dialect();

    /** Whether the engine can serve reads and writes now (checked by {@code /health}). Never throws. */
    boolean isReady();

    /** Sizes and open databases, for {@code /metrics}. Cheap enough to call on every scrape. */
    StorageStats stats();

    /** Stops taking work, finishes what was acknowledged, closes every database. Idempotent. */
    @Override
    void close();
}
