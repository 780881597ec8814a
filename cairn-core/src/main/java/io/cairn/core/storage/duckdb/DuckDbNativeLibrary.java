package io.cairn.core.storage.duckdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads DuckDB's native library without leaving copies of it behind.
 *
 * <p>The JDBC driver extracts a ~70 MB library into {@code java.io.tmpdir} and deletes it only on a clean JVM exit,
 * so every killed process used to leave one behind. Cairn's launcher points {@code java.io.tmpdir} at a folder of
 * its own; here, before loading, copies left there by earlier processes are removed, and right after loading this
 * process's copy is unlinked (the mapping stays valid on POSIX systems, so nothing is left even after
 * {@code kill -9}).
 */
final class DuckDbNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(DuckDbNativeLibrary.class);
    private static final String PREFIX = "libduckdb_java";
    /** Extraction takes well under a second; a copy older than this is not being loaded by anyone. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private static boolean loaded;

    private DuckDbNativeLibrary() {}

    static synchronized void load() {
        if (loaded) {
            return;
        }
        // The JVM's temp dir is a process-wide fact fixed at JVM start, not configuration.
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        removeStaleCopies(tempDir);
        try {
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbNativeLibrary.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the DuckDB JDBC driver is not on the class path", e);
        }
        unlinkOwnCopy(tempDir);
        loaded = true;
    }

    private static void removeStaleCopies(Path tempDir) {
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        int removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(tempDir, PREFIX + "*")) {
            for (Path copy : copies) {
                if (Files.getLastModifiedTime(copy).toInstant().isBefore(staleBefore)) {
                    long size = Files.size(copy);
                    if (Files.deleteIfExists(copy)) {
                        removed++;
                        bytes += size;
                    }
                }
            }
        } catch (IOException e) {
            log.debug("cannot clean native library copies dir={} error={}", tempDir, e.toString());
        }
        if (removed > 0) {
            log.info("removed stale native library copies dir={} files={} bytes={}", tempDir, removed, bytes);
        }
    }

    /** Finds this process's mapped copy through /proc (Linux); elsewhere the driver's delete-on-exit remains. */
    private static void unlinkOwnCopy(Path tempDir) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try (var lines = Files.lines(maps)) {
            Path realTempDir = tempDir.toRealPath();
            lines.filter(line -> line.contains(PREFIX) && line.indexOf('/') >= 0)
                    .map(line -> Path.of(line.substring(line.indexOf('/')).trim()))
                    .filter(path -> path.startsWith(realTempDir))
                    .distinct()
                    .forEach(DuckDbNativeLibrary::deleteQuietly);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot unlink the loaded native library copy error={}", e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.debug("cannot unlink native library copy path={} error={}", path, e.toString());
        }
    }
}
