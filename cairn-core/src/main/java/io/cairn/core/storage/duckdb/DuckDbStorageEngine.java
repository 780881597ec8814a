package io.cairn.core.storage.duckdb;

import io.cairn.core.StorageConfig;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.UnavailableException;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.ProjectStore;
import io.cairn.core.storage.SqlDialect;
import io.cairn.core.storage.StorageEngine;
import io.cairn.core.storage.StorageStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine. Data directory layout:
 *
 * <pre>
 *   catalog.duckdb            projects, keys (later saved queries, dashboards, jobs, schedules)
 *   projects/&lt;id&gt;.duckdb      one database per project
 *   .lock                     held while a server uses the directory
 * </pre>
 */
public final class DuckDbStorageEngine implements StorageEngine {

    private static final Logger log = LoggerFactory.getLogger(DuckDbStorageEngine.class);
    static final String CATALOG_FILE = "catalog.duckdb";
    static final String PROJECTS_DIR = "projects";

    private final Path dataDir;
    private final Path projectsDir;
    private final FileChannel lockChannel;
    private final DuckDbDatabase catalogDatabase;
    private final DuckDbCatalog catalog;
    private final DuckDbProjectDatabases projects;
    private volatile boolean closed;

    private DuckDbStorageEngine(Path dataDir, FileChannel lockChannel, DuckDbDatabase catalogDatabase,
            DuckDbCatalog catalog, DuckDbProjectDatabases projects) {
        this.dataDir = dataDir;
        this.projectsDir = dataDir.resolve(PROJECTS_DIR);
        this.lockChannel = lockChannel;
        this.catalogDatabase = catalogDatabase;
        this.catalog = catalog;
        this.projects = projects;
    }

    /** Opens the data directory (creating it when absent) and migrates the catalog. */
    public static DuckDbStorageEngine open(StorageConfig config) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        DuckDbDatabase catalogDatabase = null;
        try {
            Files.createDirectories(dataDir.resolve(PROJECTS_DIR));
            lockChannel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock(lockChannel, dataDir);
            Path catalogFile = dataDir.resolve(CATALOG_FILE);
            boolean createdNow = !Files.exists(catalogFile);
            catalogDatabase = DuckDbDatabase.open("catalog", catalogFile, config);
            DuckDbCatalog catalog = new DuckDbCatalog(catalogDatabase, createdNow);
            DuckDbProjectDatabases projects = new DuckDbProjectDatabases(dataDir.resolve(PROJECTS_DIR), config);
            log.info("storage opened engine=duckdb dataDir={} newCatalog={}", dataDir, createdNow);
            return new DuckDbStorageEngine(dataDir, lockChannel, catalogDatabase, catalog, projects);
        } catch (IOException e) {
            closeQuietly(catalogDatabase, lockChannel);
            throw new UnavailableException(ErrorCode.STORAGE_UNAVAILABLE,
                    "cannot use data directory " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(catalogDatabase, lockChannel);
            throw e;
        }
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public void createProject(ProjectId projectId) {
        // Opening creates the file; the lease is returned at once and the database stays open for a while.
        projects.acquire(projectId).close();
    }

    @Override
    public ProjectStore project(ProjectId projectId) {
        return new DuckDbProjectStore(projectId, projects);
    }

    @Override
    public void dropProject(ProjectId projectId) {
        projects.drop(projectId);
        Path file = DuckDbProjectDatabases.fileOf(projectsDir, projectId);
        try {
            for (Path path : DuckDbDatabase.filesOf(file)) {
                Files.deleteIfExists(path);
            }
            deleteTree(Path.of(file + ".tmp"));
        } catch (IOException e) {
            throw new InternalException(ErrorCode.STORAGE_FAILURE, "cannot delete the files of project " + projectId,
                    e);
        }
        log.info("project storage dropped project={}", projectId);
    }

    @Override
    public SqlDialect dialect() {
        return DuckDbDialect.INSTANCE;
    }

    @Override
    public boolean isReady() {
        return !closed && catalogDatabase.isHealthy();
    }

    @Override
    public StorageStats stats() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("catalog", sizeOf(dataDir.resolve(CATALOG_FILE)));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(projectsDir, "*.duckdb")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                sizes.put(name.substring(0, name.length() - ".duckdb".length()), sizeOf(file));
            }
        } catch (IOException e) {
            log.debug("cannot list project databases error={}", e.toString());
        }
        return new StorageStats(closed ? 0 : 1 + projects.openCount(), sizes);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        projects.close();
        catalogDatabase.close();
        closeQuietly(null, lockChannel);
        log.info("storage closed dataDir={}", dataDir);
    }

    /** Held until the channel closes, so that two servers never share a data directory. */
    private static void lock(FileChannel channel, Path dataDir) throws IOException {
        try {
            if (channel.tryLock() != null) {
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held by this same process
        }
        throw new UnavailableException(ErrorCode.STORAGE_UNAVAILABLE,
                "data directory " + dataDir + " is in use by another Cairn server");
    }

    /** The database file plus its write-ahead log and append journal. */
    private static long sizeOf(Path file) {
        long total = 0;
        for (Path path : DuckDbDatabase.filesOf(file)) {
            try {
                total += Files.exists(path) ? Files.size(path) : 0;
            } catch (IOException e) {
                // removed while looking: counts as empty
            }
        }
        return total;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(DuckDbDatabase database, FileChannel channel) {
        if (database != null) {
            database.close();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing the lock file failed error={}", e.toString());
            }
        }
    }
}
