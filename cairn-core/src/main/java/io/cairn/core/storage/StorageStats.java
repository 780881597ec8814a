package io.cairn.core.storage;

import java.util.Map;

/**
 * A snapshot of the storage for monitoring.
 *
 * @param openDatabases databases open right now (the catalog included)
 * @param fileBytes     bytes on disk per database, keyed {@code catalog} or the project id (data and log files)
 */
public record StorageStats(int openDatabases, Map<String, Long> fileBytes) {

    public StorageStats {
        fileBytes = Map.copyOf(fileBytes);
    }
}
