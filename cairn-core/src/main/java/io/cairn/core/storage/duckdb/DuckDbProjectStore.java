package io.cairn.core.storage.duckdb;

import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.duckdb.DuckDbProjectDatabases.Lease;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A project's store: each operation leases the project's database for its duration. */
final class DuckDbProjectStore implements ProjectStore {

    private final ProjectId projectId;
    private final DuckDbProjectDatabases databases;

    DuckDbProjectStore(ProjectId projectId, DuckDbProjectDatabases databases) {
        this.projectId = projectId;
        this.databases = databases;
    }

    @Override
    public ProjectId projectId() {
        return projectId;
    }

    @Override
    public <T> CompletableFuture<T> submit(WriteUnit<T> unit) {
        return whileLeased(database -> database.submit(unit));
    }

    @Override
    public CompletableFuture<Void> submitAppend(Map<String, RowBatch> rows) {
        return whileLeased(database -> database.submitAppend(rows));
    }

    /** Holds the project's database open until the queued write completes. */
    private <T> CompletableFuture<T> whileLeased(Function<DuckDbDatabase, CompletableFuture<T>> write) {
        Lease lease = databases.acquire(projectId);
        try {
            return write.apply(lease.database).whenComplete((result, failure) -> lease.close());
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    @Override
    public <T> T read(ReadUnit<T> unit) {
        try (Lease lease = databases.acquire(projectId)) {
            return lease.database.read(unit);
        }
    }
}
