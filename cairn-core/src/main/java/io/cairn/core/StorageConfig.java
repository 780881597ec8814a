package io.cairn.core;

import static java.util.Objects.requireNonNull;

import io.cairn.core.config.Settings;
import io.cairn.core.model.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded storage: where the data directory is, how many project databases stay open, and how each database
 * is sized.
 *
 * @param dataDir              the data directory ({@code storage.data-dir})
 * @param maxOpenProjects      project databases kept open at once; the least recently used idle one is closed first
 * @param idleClose            a project database unused this long is closed
 * @param writeQueueCapacity   writes waiting for one database's writer before submitters wait (back-pressure)
 * @param writeQueueTimeout    how long a submitter waits for room in a full write queue before giving up with 503
 * @param maxWriteBatch        writes committed together at most (group commit)
 * @param readConnections      pooled read connections per open database
 * @param memoryPerDatabase    DuckDB memory limit of each open database
 * @param threadsPerDatabase   DuckDB worker threads of each open database
 * @param checkpointThreshold  write-ahead log size that triggers a checkpoint (larger: faster steady ingestion,
 *                             longer recovery after a crash)
 */
public record StorageConfig(
        Path dataDir,
        int maxOpenProjects,
        Duration idleClose,
        int writeQueueCapacity,
        Duration writeQueueTimeout,
        int maxWriteBatch,
        int readConnections,
        DataSize memoryPerDatabase,
        int threadsPerDatabase,
        DataSize checkpointThreshold) {

    public static final String DATA_DIR = "storage.data-dir";
    public static final String MAX_OPEN_PROJECTS = "storage.max-open-projects";
    public static final String IDLE_CLOSE = "storage.idle-close";
    public static final String WRITE_QUEUE_CAPACITY = "storage.write-queue-capacity";
    public static final String WRITE_QUEUE_TIMEOUT = "storage.write-queue-timeout";
    public static final String MAX_WRITE_BATCH = "storage.max-write-batch";
    public static final String READ_CONNECTIONS = "storage.read-connections";
    public static final String MEMORY_PER_DATABASE = "storage.memory-per-database";
    public static final String THREADS_PER_DATABASE = "storage.threads-per-database";
    public static final String CHECKPOINT_THRESHOLD = "storage.checkpoint-threshold";

    public StorageConfig {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(idleClose, "idleClose is null");
        requireNonNull(writeQueueTimeout, "writeQueueTimeout is null");
        requireNonNull(memoryPerDatabase, "memoryPerDatabase is null");
        requireNonNull(checkpointThreshold, "checkpointThreshold is null");
        positive(maxOpenProjects, MAX_OPEN_PROJECTS);
        positive(writeQueueCapacity, WRITE_QUEUE_CAPACITY);
        positive(maxWriteBatch, MAX_WRITE_BATCH);
        positive(readConnections, READ_CONNECTIONS);
        positive(threadsPerDatabase, THREADS_PER_DATABASE);
    }

    public static StorageConfig from(Settings s) {
        return new StorageConfig(
                s.path(DATA_DIR, Path.of("cairn-data")),
                s.integer(MAX_OPEN_PROJECTS, 64, 1, 100_000),
                s.duration(IDLE_CLOSE, Duration.ofMinutes(10)),
                s.integer(WRITE_QUEUE_CAPACITY, 1024, 1, 1_000_000),
                s.duration(WRITE_QUEUE_TIMEOUT, Duration.ofSeconds(30)),
                s.integer(MAX_WRITE_BATCH, 512, 1, 1_000_000),
                s.integer(READ_CONNECTIONS, 8, 1, 1024),
                s.size(MEMORY_PER_DATABASE, DataSize.ofGigabytes(2)),
                s.integer(THREADS_PER_DATABASE, Math.max(1, Runtime.getRuntime().availableProcessors()), 1, 1024),
                s.size(CHECKPOINT_THRESHOLD, DataSize.ofMegabytes(512)));
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(DATA_DIR, dataDir.toString());
        p.put(MAX_OPEN_PROJECTS, Integer.toString(maxOpenProjects));
        p.put(IDLE_CLOSE, Settings.format(idleClose));
        p.put(WRITE_QUEUE_CAPACITY, Integer.toString(writeQueueCapacity));
        p.put(WRITE_QUEUE_TIMEOUT, Settings.format(writeQueueTimeout));
        p.put(MAX_WRITE_BATCH, Integer.toString(maxWriteBatch));
        p.put(READ_CONNECTIONS, Integer.toString(readConnections));
        p.put(MEMORY_PER_DATABASE, memoryPerDatabase.toString());
        p.put(THREADS_PER_DATABASE, Integer.toString(threadsPerDatabase));
        p.put(CHECKPOINT_THRESHOLD, checkpointThreshold.toString());
        return p;
    }

    public StorageConfig withDataDir(Path dataDir) {
        return new StorageConfig(dataDir, maxOpenProjects, idleClose, writeQueueCapacity, writeQueueTimeout,
                maxWriteBatch, readConnections, memoryPerDatabase, threadsPerDatabase, checkpointThreshold);
    }

    public StorageConfig withMaxOpenProjects(int maxOpenProjects) {
        return new StorageConfig(dataDir, maxOpenProjects, idleClose, writeQueueCapacity, writeQueueTimeout,
                maxWriteBatch, readConnections, memoryPerDatabase, threadsPerDatabase, checkpointThreshold);
    }

    public StorageConfig withIdleClose(Duration idleClose) {
        return new StorageConfig(dataDir, maxOpenProjects, idleClose, writeQueueCapacity, writeQueueTimeout,
                maxWriteBatch, readConnections, memoryPerDatabase, threadsPerDatabase, checkpointThreshold);
    }

    public StorageConfig withMemory(DataSize memoryPerDatabase) {
        return new StorageConfig(dataDir, maxOpenProjects, idleClose, writeQueueCapacity, writeQueueTimeout,
                maxWriteBatch, readConnections, memoryPerDatabase, threadsPerDatabase, checkpointThreshold);
    }

    public StorageConfig withWriteQueue(int capacity, Duration timeout) {
        return new StorageConfig(dataDir, maxOpenProjects, idleClose, capacity, timeout, maxWriteBatch,
                readConnections, memoryPerDatabase, threadsPerDatabase, checkpointThreshold);
    }

    private static void positive(int value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1: " + value);
        }
    }
}
