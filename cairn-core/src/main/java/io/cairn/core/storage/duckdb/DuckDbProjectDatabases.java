package io.cairn.core.storage.duckdb;

import io.cairn.core.StorageConfig;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.model.ProjectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open project databases: opened lazily on first use, closed when idle or when more than the configured number
 * are open (least recently used first, never one in use). Work on a database holds a {@link Lease} so that it is
 * not closed underneath.
 *
 * <p>All state is guarded by {@code this}; opening and closing files happen outside the lock, and a slot being
 * opened or closed makes other callers for the same project wait for it.
 */
final class DuckDbProjectDatabases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DuckDbProjectDatabases.class);

    /** A database in use; {@link #close()} gives it back. */
    final class Lease implements AutoCloseable {
        private final Slot slot;
        final DuckDbDatabase database;

        private Lease(Slot slot, DuckDbDatabase database) {
            this.slot = slot;
            this.database = database;
        }

        @Override
        public void close() {
            release(slot);
        }
    }

    private static final class Slot {
        final ProjectId projectId;
        final CompletableFuture<DuckDbDatabase> opened = new CompletableFuture<>();
        CompletableFuture<Void> closed;
        int leases;
        long lastUsedNanos = System.nanoTime();

        Slot(ProjectId projectId) {
            this.projectId = projectId;
        }
    }

    private final Path directory;
    private final StorageConfig config;
    private final Map<ProjectId, Slot> slots = new HashMap<>();
    private final Set<ProjectId> dropped = new HashSet<>();
    private final ScheduledExecutorService janitor;
    private boolean closed;

    DuckDbProjectDatabases(Path directory, StorageConfig config) {
        this.directory = directory;
        this.config = config;
        this.janitor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cairn-db-janitor").daemon().factory());
        long period = Math.max(1000, config.idleClose().toMillis() / 4);
        janitor.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    static Path fileOf(Path directory, ProjectId projectId) {
        return directory.resolve(projectId.value() + ".duckdb");
    }

    /** The project's database, opened if needed; hold the lease for as long as the database is used. */
    Lease acquire(ProjectId projectId) {
        while (true) {
            Slot slot;
            boolean mustOpen = false;
            CompletableFuture<Void> closing = null;
            synchronized (this) {
                if (closed) {
                    throw new UnavailableException(ErrorCode.SHUTTING_DOWN, "storage is closed");
                }
                if (dropped.contains(projectId)) {
                    throw new NotFoundException(ErrorCode.PROJECT_NOT_FOUND, "project " + projectId + " was deleted");
                }
                slot = slots.get(projectId);
                if (slot == null) {
                    slot = new Slot(projectId);
                    slots.put(projectId, slot);
                    mustOpen = true;
                } else if (slot.closed != null) {
                    closing = slot.closed;
                }
                if (closing == null) {
                    slot.leases++;
                }
            }
            if (closing != null) {
                closing.join();
                continue;
            }
            if (mustOpen) {
                open(slot);
            }
            try {
                return new Lease(slot, slot.opened.join());
            } catch (RuntimeException e) {
                release(slot);
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    synchronized int openCount() {
        return (int) slots.values().stream().filter(slot -> slot.opened.isDone() && slot.closed == null).count();
    }

    /** Closes the project's database if open, then forbids opening it again; the caller deletes its files. */
    void drop(ProjectId projectId) {
        Slot slot;
        synchronized (this) {
            dropped.add(projectId);
            slot = slots.get(projectId);
        }
        if (slot != null) {
            waitUntilUnused(slot);
            closeSlot(slot);
        }
    }

    @Override
    public void close() {
        List<Slot> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(slots.values());
        }
        janitor.shutdownNow();
        all.forEach(this::closeSlot);
    }

    private void open(Slot slot) {
        Path file = fileOf(directory, slot.projectId);
        try {
            DuckDbDatabase database = DuckDbDatabase.open(slot.projectId.value(), file, config);
            DuckDbMigrations.migrate(database, List.of());
            slot.opened.complete(database);
        } catch (RuntimeException e) {
            synchronized (this) {
                slots.remove(slot.projectId);
            }
            slot.opened.completeExceptionally(e);
            return;
        }
        evictOverLimit();
    }

    private void release(Slot slot) {
        synchronized (this) {
            slot.leases--;
            slot.lastUsedNanos = System.nanoTime();
            notifyAll();
        }
    }

    private void waitUntilUnused(Slot slot) {
        synchronized (this) {
            while (slot.leases > 0) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnavailableException(ErrorCode.SHUTTING_DOWN, "interrupted while closing a database");
                }
            }
        }
    }

    private void closeIdle() {
        long idleNanos = config.idleClose().toNanos();
        long now = System.nanoTime();
        List<Slot> idle = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots.values()) {
                if (isClosable(slot) && now - slot.lastUsedNanos >= idleNanos) {
                    slot.closed = new CompletableFuture<>();
                    idle.add(slot);
                }
            }
        }
        idle.forEach(this::closeSlot);
    }

    private void evictOverLimit() {
        List<Slot> evicted = new ArrayList<>();
        synchronized (this) {
            List<Slot> candidates = new ArrayList<>();
            int open = 0;
            for (Slot slot : slots.values()) {
                if (slot.closed == null) {
                    open++;
                    if (isClosable(slot)) {
                        candidates.add(slot);
                    }
                }
            }
            candidates.sort((a, b) -> Long.compare(a.lastUsedNanos, b.lastUsedNanos));
            for (int i = 0; open > config.maxOpenProjects() && i < candidates.size(); i++, open--) {
                candidates.get(i).closed = new CompletableFuture<>();
                evicted.add(candidates.get(i));
            }
        }
        if (!evicted.isEmpty()) {
            janitor.execute(() -> evicted.forEach(this::closeSlot));
        }
    }

    private static boolean isClosable(Slot slot) {
        return slot.closed == null && slot.leases == 0 && slot.opened.isDone() && !slot.opened.isCompletedExceptionally();
    }

    /** Closes a slot's database (once) and removes the slot; waiters for the slot retry afterwards. */
    private void closeSlot(Slot slot) {
        CompletableFuture<Void> closedSignal;
        synchronized (this) {
            if (slot.closed == null) {
                slot.closed = new CompletableFuture<>();
            }
            closedSignal = slot.closed;
        }
        try {
            DuckDbDatabase database = slot.opened.exceptionally(failure -> null).join();
            if (database != null) {
                database.close();
                log.debug("project database closed project={}", slot.projectId);
            }
        } catch (RuntimeException e) {
            log.warn("closing a project database failed project={} error={}", slot.projectId, e.toString());
        } finally {
            synchronized (this) {
                slots.remove(slot.projectId, slot);
            }
            closedSignal.complete(null);
        }
    }
}
