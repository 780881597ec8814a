package io.cairn.core.storage.duckdb;

import io.cairn.core.StorageConfig;
import io.cairn.core.config.Settings;
import io.cairn.core.model.DataSize;
import java.nio.file.Path;
import java.util.Map;

/** Storage settings small enough for tests: little memory, one thread per database. */
final class TestStorage {

    private TestStorage() {}

    static StorageConfig config(Path dataDir) {
        return StorageConfig.from(Settings.of(Map.of(), "test"))
                .withDataDir(dataDir)
                .withMemory(DataSize.ofMegabytes(256));
    }
}
